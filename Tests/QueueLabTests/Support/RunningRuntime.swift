import TestSupport
import Foundation
import Logging
import QueueLab

/// The real runtime (SQS endpoint, move tasks, function host, Invoke API) on ephemeral ports, run
/// in-process over a temporary folder that holds the manifest and the state file.
struct RunningRuntime {
    let sqsEndpoint: String
    let lambda: LambdaEndpoint
    /// Where the manifest, the state file and the clients' output files live.
    let directory: String

    /// Writes `manifest` (JSON text; nil runs no manifest) to `serverless.json` in a fresh folder,
    /// starts the runtime, runs `body` once both endpoints listen, then shuts down gracefully.
    /// Start-up errors (a bad manifest, a handler the host rejects) are rethrown.
    static func with<T: Sendable>(
        manifest: String?, _ body: @Sendable (RunningRuntime) async throws -> T
    ) async throws -> T {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manifestPath = directory + "/serverless.json"
        if let manifest { try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8) }
        var logger = Logger(label: "runtime-test")
        logger.logLevel = .warning
        let runtime = try QueueLabRuntime(
            configuration: .init(
                statePath: directory + "/state/state.sqlite", sqsPort: 0,
                manifestPath: manifest == nil ? nil : manifestPath, lambdaPort: 0),
            logger: logger)
        let (sqsEndpoints, sqsContinuation) = AsyncStream.makeStream(of: String.self)
        let (lambdaEndpoints, lambdaContinuation) = AsyncStream.makeStream(of: LambdaEndpoint.self)
        let group = runtime.serviceGroup(
            onSQSListening: { sqsContinuation.yield($0) }, onLambdaListening: { lambdaContinuation.yield($0) })
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                defer {
                    sqsContinuation.finish()
                    lambdaContinuation.finish()
                }
                try await group.run()
                return nil
            }
            var sqsIterator = sqsEndpoints.makeAsyncIterator()
            var lambdaIterator = lambdaEndpoints.makeAsyncIterator()
            guard let sqsEndpoint = await sqsIterator.next(), let lambda = await lambdaIterator.next() else {
                // The group ended before both endpoints listened: surface its error.
                while try await tasks.next() != nil {}
                throw RuntimeTestError.runtimeEndedBeforeListening
            }
            do {
                let result = try await body(RunningRuntime(sqsEndpoint: sqsEndpoint, lambda: lambda, directory: directory))
                await group.triggerGracefulShutdown()
                while try await tasks.next() != nil {}
                return result
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// `aws lambda invoke` of `function` with `payload` through the Invoke API; the CLI's output
    /// and the payload it wrote.
    func invoke(_ function: String, payload: String) async throws -> (cli: ClientProcess.Output, response: [String: Any]) {
        let outfile = "response-\(UUID().uuidString).json"
        let cli = try await ClientProcess.aws(
            ["lambda", "invoke", "--function-name", function,
             "--payload", payload, outfile],
            endpoint: lambda.url, in: directory)
        let response = (try? String(contentsOfFile: directory + "/" + outfile, encoding: .utf8)) ?? ""
        return (cli, jsonObject(response))
    }
}

enum RuntimeTestError: Error {
    case runtimeEndedBeforeListening
}
