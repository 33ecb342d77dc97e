import Synchronization

/// Queue rows as the writer connection last read or wrote them. Every send, receive and delete
/// looks its queue up, and decoding that row was the largest part of the writer's work per
/// SendMessage. Every change to a queue row updates or clears the cache, and so does every
/// rollback, so an entry never outlives the state it was read from.
final class QueueRecordCache: Sendable {
    private let records = Mutex<[String: QueueRecord]>([:])

    func record(named name: String) -> QueueRecord? {
        records.withLock { $0[name] }
    }

    func keep(_ record: QueueRecord) {
        records.withLock { $0[record.name] = record }
    }

    func clear() {
        records.withLock { $0.removeAll() }
    }
}
