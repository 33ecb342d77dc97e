import Foundation
import Logging
import QueueLab
import QueueStore

/// The real runtime (SQS endpoint and move-task runner) on an ephemeral port over a fresh (or
/// given) SQLite file, for one test.
enum RunningSQSServer {
    static func temporaryStatePath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("queuelab-tests-\(UUID().uuidString)/state.sqlite").path
    }

    /// Runs `body` with the endpoint URL while the runtime runs, then shuts it down gracefully.
    static func with<T: Sendable>(
        statePath: String = temporaryStatePath(),
        _ body: @Sendable (_ endpoint: String, _ store: QueueStore) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "sqs-test")
        logger.logLevel = .warning
        let runtime = try QueueLabRuntime(configuration: .init(statePath: statePath, sqsPort: 0, lambdaPort: 0), logger: logger)
        let (endpoints, continuation) = AsyncStream<String>.makeStream()
        let group = runtime.serviceGroup { continuation.yield($0) }
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            var iterator = endpoints.makeAsyncIterator()
            guard let endpoint = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body(endpoint, runtime.store)
                await group.triggerGracefulShutdown()
                while try await tasks.next() != nil {}
                return result
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
