import Foundation
import Logging
import QueueLab
import QueueStore

/// The real runtime (SQS endpoint, move tasks, function host, Invoke API, event source mappings)
/// on ephemeral ports, run in-process over a folder that holds the manifest and the state file.
public struct RunningRuntime: Sendable {
    public let sqsEndpoint: String
    public let lambda: LambdaEndpoint
    /// The HTTP API, when the manifest has `httpApi` or `http` events.
    public let http: HTTPAPIEndpoint?
    /// Where the manifest, the state file and the clients' output files live.
    public let directory: String
    public let store: QueueStore

    /// Writes `manifest` (JSON text; nil runs no manifest) to `serverless.json`, starts the runtime
    /// on `statePath` (default: a fresh folder, removed afterwards), runs `body` once both endpoints
    /// listen, then shuts down gracefully. Start-up errors (a bad manifest, a handler the host
    /// rejects) are rethrown. `configure` adjusts the runtime's configuration (rates, settings).
    public static func with<T: Sendable>(
        manifest: String? = nil, statePath: String? = nil,
        configure: (inout RuntimeConfiguration) -> Void = { _ in },
        _ body: @Sendable (RunningRuntime) async throws -> T
    ) async throws -> T {
        let directory = statePath.map { ($0 as NSString).deletingLastPathComponent } ?? TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if statePath == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let manifestPath = directory + "/serverless.json"
        if let manifest { try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8) }
        var logger = Logger(label: "runtime-test")
        logger.logLevel = .warning
        var configuration = RuntimeConfiguration(
            statePath: statePath ?? directory + "/state/state.sqlite", sqsPort: 0,
            manifestPath: manifest == nil ? nil : manifestPath, lambdaPort: 0, httpPort: 0)
        configure(&configuration)
        let runtime = try QueueLabRuntime(configuration: configuration, logger: logger)
        return try await runtime.withRunning { endpoints in
            try await body(RunningRuntime(
                sqsEndpoint: endpoints.sqs, lambda: endpoints.lambda, http: endpoints.http, directory: directory, store: runtime.store))
        }
    }

    /// `aws lambda invoke` of `function` with `payload` through the Invoke API; the CLI's output
    /// and the payload it wrote.
    public func invoke(_ function: String, payload: String) async throws -> (cli: ClientProcess.Output, response: [String: Any]) {
        let outfile = "response-\(UUID().uuidString).json"
        let cli = try await ClientProcess.aws(
            ["lambda", "invoke", "--function-name", function, "--payload", payload, outfile],
            endpoint: lambda.url, in: directory)
        let response = (try? String(contentsOfFile: directory + "/" + outfile, encoding: .utf8)) ?? ""
        return (cli, jsonObject(response))
    }
}
