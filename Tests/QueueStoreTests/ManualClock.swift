import QueueStore
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: QueueClock {
    private let milliseconds: Mutex<Int64>

    init(_ start: Int64 = 1_800_000_000_000) {
        milliseconds = Mutex(start)
    }

    func now() -> Int64 { milliseconds.withLock { $0 } }

    func advance(seconds: Double) {
        milliseconds.withLock { $0 += Int64(seconds * 1000) }
    }
}
