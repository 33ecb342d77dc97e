import Synchronization

/// The store's `QueueActivity` per queue, updated after each operation commits. A lock, not an
/// actor: counting is a few additions on the hot path of every send and receive.
final class QueueActivityCounters: Sendable {
    private let counters = Mutex<[String: QueueActivity]>([:])

    func record(_ queue: String, _ update: (inout QueueActivity) -> Void) {
        counters.withLock { update(&$0[queue, default: QueueActivity()]) }
    }

    func snapshot() -> [String: QueueActivity] {
        counters.withLock { $0 }
    }
}
