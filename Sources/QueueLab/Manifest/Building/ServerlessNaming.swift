import Foundation

/// The logical IDs the Serverless Framework gives a function's resources, so that `Ref`s to them
/// resolve in a serverless.json and functions keep their names in a compiled template.
/// (IntegrationManifest's `CloudFormationCompiler.normalizedName` writes them; it is internal there.)
enum ServerlessNaming {
    static let functionSuffix = "LambdaFunction"
    static let provisionedAliasSuffix = "ProvConcLambdaAlias"

    /// `my-worker` → `MyDashworker`: logical IDs must be alphanumeric.
    static func normalizedName(_ name: String) -> String {
        let spelled = name.replacingOccurrences(of: "-", with: "Dash").replacingOccurrences(of: "_", with: "Underscore")
        return spelled.prefix(1).uppercased() + spelled.dropFirst()
    }

    static func functionLogicalID(_ name: String) -> String { normalizedName(name) + functionSuffix }

    static func provisionedAliasLogicalID(_ name: String) -> String { normalizedName(name) + provisionedAliasSuffix }

    /// A template function's name when `FunctionName` is unset: for `<Name>LambdaFunction` the
    /// name with its first letter lowercased (`AttioQueueWorkerLambdaFunction` → `attioQueueWorker`),
    /// else the logical ID. `Dash` and `Underscore` are not turned back into `-` and `_`, since a
    /// name may contain those words.
    static func functionName(logicalID: String) -> String {
        guard logicalID.hasSuffix(functionSuffix), logicalID.count > functionSuffix.count else { return logicalID }
        let stem = logicalID.dropLast(functionSuffix.count)
        return stem.prefix(1).lowercased() + stem.dropFirst()
    }
}
