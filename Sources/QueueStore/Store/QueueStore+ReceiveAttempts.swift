import Foundation
import GRDB

/// FIFO receive deduplication (`ReceiveRequestAttemptId`): a client whose ReceiveMessage got no
/// answer retries with the same id and gets the same messages and receipt handles, with their
/// visibility timeout started again, for five minutes and as long as none of them was deleted,
/// received by someone else, or had its visibility changed.
extension QueueStore {
    static let receiveAttemptInterval: Int64 = 5 * 60 * 1000

    /// One message as an attempt received it.
    private struct AttemptedMessage: Codable {
        let rowId: Int64
        let nonce: String
        let visibleAt: Int64
    }

    /// The messages of an earlier attempt with this id, made visible again at `visibleAt` from
    /// now; `nil` when there is none to replay (unknown, expired, or a message was touched since).
    func replayAttempt(
        _ attemptId: String, of queue: QueueRecord, visibleAt: Int64, now: Int64, _ request: ReceiveRequest, _ db: Database
    ) throws -> [ReceivedMessage]? {
        try db.cachedStatement(sql: "DELETE FROM receive_attempt WHERE queueId = ? AND createdAt <= ?")
            .execute(arguments: [queue.id, now - Self.receiveAttemptInterval])
        guard let json = try String.fetchOne(
            db.cachedStatement(sql: "SELECT messages FROM receive_attempt WHERE queueId = ? AND attemptId = ?"),
            arguments: [queue.id, attemptId])
        else { return nil }
        let attempted = try JSONDecoder().decode([AttemptedMessage].self, from: Data(json.utf8))
        var records: [MessageRecord] = []
        for message in attempted {
            // Untouched: still here, still under this receipt, with the visibility this receive gave it.
            guard let record = try MessageRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM message WHERE id = ? AND queueId = ? AND receiptNonce = ? AND visibleAt = ?
                """), arguments: [message.rowId, queue.id, message.nonce, message.visibleAt])
            else {
                try db.cachedStatement(sql: "DELETE FROM receive_attempt WHERE queueId = ? AND attemptId = ?")
                    .execute(arguments: [queue.id, attemptId])
                return nil
            }
            records.append(record)
        }
        try db.cachedStatement(sql: "UPDATE message SET visibleAt = ? WHERE id IN (SELECT value FROM json_each(?))")
            .execute(arguments: [visibleAt, String(decoding: try JSONEncoder().encode(attempted.map(\.rowId)), as: UTF8.self)])
        try saveAttempt(attemptId, of: queue, attempted.map { AttemptedMessage(rowId: $0.rowId, nonce: $0.nonce, visibleAt: visibleAt) },
                        createdAt: nil, db)
        return zip(records, attempted).map { record, message in
            Self.received(record, queue: queue, nonce: message.nonce, request)
        }
    }

    /// Remembers what an attempt received, for a retry to replay.
    func recordAttempt(
        _ attemptId: String, of queue: QueueRecord, rows: [(rowId: Int64, nonce: String)], visibleAt: Int64, now: Int64, _ db: Database
    ) throws {
        try saveAttempt(attemptId, of: queue, rows.map { AttemptedMessage(rowId: $0.rowId, nonce: $0.nonce, visibleAt: visibleAt) },
                        createdAt: now, db)
    }

    /// Inserts the attempt, or (`createdAt` nil) updates its messages and keeps its creation time.
    private func saveAttempt(_ attemptId: String, of queue: QueueRecord, _ messages: [AttemptedMessage], createdAt: Int64?, _ db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(messages), as: UTF8.self)
        if let createdAt {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO receive_attempt (queueId, attemptId, createdAt, messages) VALUES (?, ?, ?, ?)")
                .execute(arguments: [queue.id, attemptId, createdAt, json])
        } else {
            try db.cachedStatement(sql: "UPDATE receive_attempt SET messages = ? WHERE queueId = ? AND attemptId = ?")
                .execute(arguments: [json, queue.id, attemptId])
        }
    }
}
