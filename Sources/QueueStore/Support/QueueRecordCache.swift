import Synchronization

/// Queue rows as the writer connection last read or wrote them. Every send, receive and delete
/// looks its queue up, and decoding that row was the largest part of the writer's work per
/// SendMessage. Every change to a queue row updates or clears the cache, and so does every
/// rollback and every commit by another connection (another process on the same file), so an
/// entry never outlives the state it was read from.
final class QueueRecordCache: Sendable {
    private struct State {
        var records: [String: QueueRecord] = [:]
        /// SQLite's `data_version` when the cache was last checked.
        var dataVersion: Int?
    }

    private let state = Mutex(State())

    func record(named name: String) -> QueueRecord? {
        state.withLock { $0.records[name] }
    }

    func keep(_ record: QueueRecord) {
        state.withLock { $0.records[record.name] = record }
    }

    func clear() {
        state.withLock { $0.records.removeAll() }
    }

    /// Called by the writer before each batch with `PRAGMA data_version`, which changes when
    /// another connection has committed.
    func check(dataVersion: Int) {
        state.withLock { state in
            if state.dataVersion != dataVersion { state.records.removeAll() }
            state.dataVersion = dataVersion
        }
    }
}
