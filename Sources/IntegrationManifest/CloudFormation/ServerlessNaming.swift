import Foundation

/// The logical IDs the Serverless Framework gives a function's resources: the compiler writes them,
/// and `queuelab start` resolves `Ref`s to them and names a compiled template's functions by them.
public enum ServerlessNaming {
    public static let functionSuffix = "LambdaFunction"
    public static let provisionedAliasSuffix = "ProvConcLambdaAlias"

    /// `my-worker` → `MyDashworker`: logical IDs must be alphanumeric.
    public static func normalizedName(_ name: String) -> String {
        let spelled = name.replacingOccurrences(of: "-", with: "Dash").replacingOccurrences(of: "_", with: "Underscore")
        return spelled.prefix(1).uppercased() + spelled.dropFirst()
    }

    public static func functionLogicalID(_ name: String) -> String { normalizedName(name) + functionSuffix }

    public static func provisionedAliasLogicalID(_ name: String) -> String { normalizedName(name) + provisionedAliasSuffix }

    /// A template function's name when `FunctionName` is unset: for `<Name>LambdaFunction` the
    /// name with its first letter lowercased (`AttioQueueWorkerLambdaFunction` → `attioQueueWorker`),
    /// else the logical ID. `Dash` and `Underscore` are not turned back into `-` and `_`, since a
    /// name may contain those words.
    public static func functionName(logicalID: String) -> String {
        guard logicalID.hasSuffix(functionSuffix), logicalID.count > functionSuffix.count else { return logicalID }
        let stem = logicalID.dropLast(functionSuffix.count)
        return stem.prefix(1).lowercased() + stem.dropFirst()
    }
}
