import Synchronization

/// Tells whether another connection (another process on the state file: `queuelab dlq redrive`, a
/// second store) has committed, which no in-process signal announces. SQLite's `PRAGMA
/// data_version`, read on the writer connection, changes only when another connection commits.
/// The store reads it once when it opens, then whenever an idle waiter asks (once a second); a
/// change wakes every waiter, to look again. Readings, and so wake-ups, are at most two a second,
/// however often other processes commit and however many waiters there are.
final class OtherProcessCommits: Sendable {
    /// How long an idle wait goes without looking.
    static let interval: Duration = .seconds(1)

    private struct State {
        var dataVersion: Int?
        var lastCheck: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let signals: QueueSignals

    init(waking signals: QueueSignals) {
        self.signals = signals
    }

    /// Whether an idle waiter should read `data_version` at `now`. A `true` claims the reading, so
    /// that however many waiters there are, the store reads it at most twice per `interval`.
    func claimCheck(at now: ContinuousClock.Instant) -> Bool {
        state.withLock { state in
            if let last = state.lastCheck, now - last < Self.interval / 2 { return false }
            state.lastCheck = now
            return true
        }
    }

    /// Takes a reading of the writer's `data_version`, and wakes every waiter if another connection
    /// committed since the previous reading (the first reading only sets the baseline).
    func notice(dataVersion: Int) {
        let changed = state.withLock { state in
            defer { state.dataVersion = dataVersion }
            return state.dataVersion.map { $0 != dataVersion } ?? false
        }
        if changed { signals.signalAll() }
    }
}
