import Foundation
import FunctionHost
import IntegrationManifest

/// The functions a serverless.json declares, settled as the Serverless Framework settles them:
/// a function's value, else `provider`'s, else the framework's default; the provider's
/// environment merged with the function's (the function's wins).
///
/// Everything is checked when the manifest is read, before anything starts, except one value
/// that cannot be known yet: the SQS endpoint's address (its port may be ephemeral). A `Ref` to
/// a queue is therefore kept as the queue's path and completed by `configurations(sqsEndpoint:)`.
public struct ManifestFunctions: Sendable {
    /// The Serverless Framework's defaults when neither the function nor `provider` sets a value.
    public static let defaultTimeout = 6
    public static let defaultMemorySize = 1024

    /// The manifest as the user named it; errors start with it.
    public let file: String
    /// Every function, by name, with its literal environment values.
    let functions: [FunctionConfiguration]
    /// Environment variables holding a queue's URL: function → variable → `<account>/<QueueName>`.
    let queuePaths: [String: [String: String]]

    /// Settles `manifest`'s functions; their code directory is the manifest's folder.
    public init(_ manifest: ServerlessManifest, file: String, accountId: String) throws(ManifestLoadError) {
        let directory = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
        let resolver = EnvironmentResolver(
            file: file, accountId: accountId, queues: manifest.resources?.queues ?? [:])
        let providerEnvironment = try resolver.resolve(manifest.provider.environment ?? [:], keyPrefix: "provider.environment")
        var functions: [FunctionConfiguration] = []
        var queuePaths: [String: [String: String]] = [:]
        for (name, function) in manifest.functions.sorted(by: { $0.key < $1.key }) {
            guard let runtime = function.runtime ?? manifest.provider.runtime else {
                throw .missingRuntime(file: file, key: "functions.\(name).runtime")
            }
            let own = try resolver.resolve(function.environment ?? [:], keyPrefix: "functions.\(name).environment")
            let environment = providerEnvironment.merging(own) { _, functionValue in functionValue }
            functions.append(
                FunctionConfiguration(
                    name: name, runtime: runtime, handler: function.handler, codeDirectory: directory,
                    memorySize: function.memorySize ?? manifest.provider.memorySize ?? Self.defaultMemorySize,
                    timeout: Double(function.timeout ?? manifest.provider.timeout ?? Self.defaultTimeout),
                    reservedConcurrency: function.reservedConcurrency,
                    provisionedConcurrency: function.provisionedConcurrency ?? 0,
                    environment: environment.compactMapValues(\.literal)))
            let paths = environment.compactMapValues(\.queuePath)
            if !paths.isEmpty { queuePaths[name] = paths }
        }
        self.file = file
        self.functions = functions
        self.queuePaths = queuePaths
    }

    /// The functions with every `Ref` to a queue resolved to its URL on `sqsEndpoint`
    /// (`http://<host>:<port>`), sorted by name.
    public func configurations(sqsEndpoint: String) -> [FunctionConfiguration] {
        functions.map { function in
            var function = function
            for (variable, path) in queuePaths[function.name] ?? [:] {
                function.environment[variable] = sqsEndpoint + "/" + path
            }
            return function
        }
    }
}
