import Logging
import ServiceLifecycle

/// Carries running message move tasks forward at their rate, and waits quietly when there are none
/// (a task started by another process on the state file wakes it within a second or two).
public struct MessageMoveTaskRunner: Service {
    static let tick: Duration = .milliseconds(100)

    let store: QueueStore
    let logger: Logger

    public init(store: QueueStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let generation = store.moveTaskGeneration()
                do {
                    let tasks = try await store.runningMoveTasks()
                    if tasks.isEmpty {
                        await store.waitForMoveTasks(after: generation, timeout: .seconds(3600))
                        continue
                    }
                    for task in tasks {
                        try await store.advanceMoveTask(id: task.id!)
                    }
                } catch {
                    logger.error("message move task failed to advance", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: Self.tick)
            }
        }
    }
}
