import CRMSync

/// An integration's queue in memory, for driving `SyncWorker`s without SQS or Lambda: what the
/// workers send comes back to them, several at a time, and a message that fails is received again
/// until its `maxReceiveCount`th failure dead-letters it, as the queue's redrive policy would.
actor LoopbackQueue: SyncQueue {
    struct DeadLetter: Sendable {
        var event: SyncEvent
        var errors: [String]
    }

    private var pending: [(event: SyncEvent, errors: [String])] = []
    /// Every event sent, in order.
    private(set) var sent: [SyncEvent] = []
    private(set) var deadLetters: [DeadLetter] = []
    let maxReceiveCount: Int

    init(maxReceiveCount: Int = 3) {
        self.maxReceiveCount = maxReceiveCount
    }

    func send(_ events: [SyncEvent]) async throws {
        sent += events
        pending += events.map { ($0, []) }
    }

    /// Delivers events `concurrency` at a time to `handle`, telling it whether it is the event's
    /// last receive, until none is left.
    func drain(concurrency: Int, _ handle: @escaping @Sendable (SyncEvent, Bool) async throws -> Void) async {
        while !pending.isEmpty {
            let delivered = Array(pending.prefix(concurrency))
            pending.removeFirst(delivered.count)
            let maxReceiveCount = maxReceiveCount
            let outcomes = await withTaskGroup(of: (Int, String?).self) { group in
                for (index, message) in delivered.enumerated() {
                    group.addTask {
                        do {
                            try await handle(message.event, message.errors.count + 1 >= maxReceiveCount)
                            return (index, nil)
                        } catch {
                            return (index, "\(error)")
                        }
                    }
                }
                return await group.reduce(into: [Int: String]()) { failures, outcome in failures[outcome.0] = outcome.1 }
            }
            for (index, message) in delivered.enumerated() {
                guard let error = outcomes[index] else { continue }
                let errors = message.errors + [error]
                if errors.count >= maxReceiveCount {
                    deadLetters.append(DeadLetter(event: message.event, errors: errors))
                } else {
                    pending.append((message.event, errors))
                }
            }
        }
    }
}
