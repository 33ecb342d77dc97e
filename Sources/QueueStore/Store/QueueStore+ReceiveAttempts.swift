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
    }

    /// The messages of an earlier attempt with this id, made visible again at `visibleAt`;
    /// `nil` when there is none to replay (unknown, expired, or a message was touched since).
    func replayAttempt(
        _ attemptId: String, of queue: QueueRecord, visibleAt: Int64, now: Int64, _ request: ReceiveRequest, _ db: Database
    ) throws -> [ReceivedMessage]? {
        try db.cachedStatement(sql: "DELETE FROM receive_attempt WHERE queueId = ? AND createdAt <= ?")
            .execute(arguments: [queue.id, now - Self.receiveAttemptInterval])
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT visibleAt, messages FROM receive_attempt WHERE queueId = ? AND attemptId = ?"),
            arguments: [queue.id, attemptId])
        else { return nil }
        let receivedVisibleAt: Int64 = row[0]
        let attempted = try JSONDecoder().decode([AttemptedMessage].self, from: Data((row[1] as String).utf8))
        var replayed: [ReceivedMessage] = []
        for message in attempted {
            // Untouched: still here, still under this receipt, with the visibility this receive gave it.
            guard let record = try MessageRecord.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM message WHERE id = ? AND queueId = ? AND receiptNonce = ? AND visibleAt = ?
                """), arguments: [message.rowId, queue.id, message.nonce, receivedVisibleAt])
            else {
                try db.cachedStatement(sql: "DELETE FROM receive_attempt WHERE queueId = ? AND attemptId = ?")
                    .execute(arguments: [queue.id, attemptId])
                return nil
            }
            replayed.append(Self.received(record, queue: queue, nonce: message.nonce, request))
        }
        let restart = try db.cachedStatement(sql: "UPDATE message SET visibleAt = ? WHERE id = ?")
        for message in attempted { try restart.execute(arguments: [visibleAt, message.rowId]) }
        try db.cachedStatement(sql: "UPDATE receive_attempt SET visibleAt = ? WHERE queueId = ? AND attemptId = ?")
            .execute(arguments: [visibleAt, queue.id, attemptId])
        return replayed
    }

    /// Remembers what an attempt received, for a retry to replay.
    func recordAttempt(
        _ attemptId: String, of queue: QueueRecord, rows: [(rowId: Int64, nonce: String)], visibleAt: Int64, now: Int64, _ db: Database
    ) throws {
        let messages = rows.map { AttemptedMessage(rowId: $0.rowId, nonce: $0.nonce) }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO receive_attempt (queueId, attemptId, createdAt, visibleAt, messages) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [queue.id, attemptId, now, visibleAt, String(decoding: try JSONEncoder().encode(messages), as: UTF8.self)])
    }
}
