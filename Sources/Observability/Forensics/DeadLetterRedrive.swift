import QueueStore

/// A redrive under way: a message move task, and the state file opened for writing to advance it.
public struct DeadLetterRedrive: Sendable {
    /// How often `follow` advances the task (as often as the runtime's runner does).
    static let tick: Duration = .milliseconds(100)

    let store: QueueStore
    /// The task when it started, or when this redrive took it up.
    public let started: RedriveProgress
    /// Whether the task was running before this redrive (which follows it).
    public let alreadyRunning: Bool

    init(store: QueueStore, started: RedriveProgress, alreadyRunning: Bool) {
        self.store = store
        self.started = started
        self.alreadyRunning = alreadyRunning
    }

    static func start(on store: QueueStore, source: QueueRecord, destinationArn: String?, rate: Int?) async throws(ForensicsError) -> DeadLetterRedrive {
        let handle: String
        do {
            handle = try await store.startMessageMoveTask(sourceArn: source.arn, destinationArn: destinationArn, maxPerSecond: rate)
        } catch {
            throw .redriveRefused(error)
        }
        let tasks: [MoveTaskRecord]
        do {
            tasks = try await store.listMessageMoveTasks(sourceArn: source.arn, maxResults: 10)
        } catch {
            throw .store(error)
        }
        guard let task = tasks.first(where: { $0.handle == handle }) else {
            throw .store(SQSError(.internalError, "The move task \(handle) was not recorded."))
        }
        return DeadLetterRedrive(store: store, started: RedriveProgress(task, now: store.clock.now()), alreadyRunning: false)
    }

    /// Advances the task until it ends, calling `report` whenever it moved messages and at the end.
    /// Right whether or not a runtime uses the state file: its runner may advance the same task
    /// meanwhile, and each step is one transaction that keeps to the task's rate.
    public func follow(report: (RedriveProgress) -> Void) async throws(ForensicsError) -> RedriveProgress {
        var current = started
        while current.isRunning {
            do {
                try await Task.sleep(for: Self.tick)
            } catch {
                return current  // Cancelled: the task stays running, for a runtime or another redrive to finish.
            }
            let task: MoveTaskRecord?
            do {
                task = try await store.advanceMoveTask(id: current.taskId)
            } catch {
                throw .store(error)
            }
            guard let task else { throw .store(SQSError(.internalError, "The move task \(current.handle) is gone.")) }
            let next = RedriveProgress(task, now: store.clock.now())
            if next.moved != current.moved || !next.isRunning { report(next) }
            current = next
        }
        return current
    }
}
