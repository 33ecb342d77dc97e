import GRDB

extension QueueStore {
    /// How the message reached its dead-letter queue; `nil` if it is not a dead letter (or is gone).
    public func deadLetterMove(ofMessage messageId: String) async throws(SQSError) -> DeadLetterMove? {
        try await read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT deadLetterSourceArn, deadLetteredAt, deadLetterAttemptId FROM message
                WHERE messageId = ? AND deadLetteredAt IS NOT NULL
                """), arguments: [messageId])
            return row.map { DeadLetterMove(sourceQueueARN: $0[0], movedAt: $0[1], attemptId: $0[2]) }
        }
    }
}

extension QueueStore {
    /// The queue's messages in the order they were sent, however visible they are.
    public func storedMessages(inQueue name: String, limit: Int = 1000) async throws(SQSError) -> [StoredMessage] {
        try await read { db in
            let queue = try self.queue(named: name, db)
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Self.storedMessageColumns) FROM message WHERE queueId = ? ORDER BY id LIMIT ?
                """), arguments: [queue.id, limit])
            return rows.map(Self.storedMessage)
        }
    }

    /// The message with this id if it is in the queue, however visible it is.
    public func storedMessage(_ messageId: String, inQueue name: String) async throws(SQSError) -> StoredMessage? {
        try await read { db in
            let queue = try self.queue(named: name, db)
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT \(Self.storedMessageColumns) FROM message WHERE queueId = ? AND messageId = ?
                """), arguments: [queue.id, messageId])
            return row.map(Self.storedMessage)
        }
    }

    private static let storedMessageColumns =
        "messageId, body, receiveCount, sentAt, groupId, deadLetterSourceArn, deadLetteredAt, deadLetterAttemptId"

    private static func storedMessage(_ row: Row) -> StoredMessage {
        StoredMessage(
            messageId: row[0], body: row[1], receiveCount: row[2], sentAt: row[3], groupId: row[4],
            deadLetterMove: (row[6] as Int64?).map { DeadLetterMove(sourceQueueARN: row[5], movedAt: $0, attemptId: row[7]) })
    }
}
