import Foundation
import GRDB

extension QueueStore {
    /// Inserts an attempt that has just received its first message; `addMessages` lists them.
    func startAttempt(_ source: DeliverySource, at now: Int64, _ db: Database) throws -> Int64 {
        // A cached statement: GRDB's Codable insert was a visible share of every receive.
        try db.cachedStatement(sql: """
            INSERT INTO delivery_attempt (functionName, mappingId, queueName, receivedAt, coldStart, outcome, batchSize, throttles, messageIds)
            VALUES (?, ?, ?, ?, 0, ?, 0, 0, '[]')
            """).execute(arguments: [source.functionName, source.mappingId, source.queueName, now, DeliveryOutcome.inProgress])
        return db.lastInsertedRowID
    }

    /// Adds delivered messages to an attempt's list (the first receive of a batch, or a later one),
    /// in SQL: a window's batch of thousands is not decoded again on every receive.
    func addMessages(_ messageIds: [String], toAttempt attemptId: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE delivery_attempt SET batchSize = batchSize + ?,
                messageIds = (SELECT json_group_array(value) FROM (
                    SELECT value FROM json_each(delivery_attempt.messageIds) UNION ALL SELECT value FROM json_each(?)))
            WHERE id = ?
            """).execute(arguments: [messageIds.count, try Self.jsonList(messageIds), attemptId])
    }

    static func jsonList(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    /// Ends a delivered batch: deletes what succeeded (a stale receipt deletes nothing, as in
    /// DeleteMessage) and records the outcome, atomically.
    public func completeDelivery(_ completion: DeliveryCompletion, inQueue name: String) async throws(SQSError) {
        let now = now()
        let deleted = try await write { db in
            let queue = try self.queue(named: name, db)
            var deleted = 0
            for handle in completion.deleting {
                // A handle the store issued cannot be malformed; one for another queue deletes nothing.
                guard let receipt = try? Self.receipt(handle, of: queue) else { continue }
                if try self.deleteReceived(receipt, of: queue, db) { deleted += 1 }
            }
            guard let attemptId = completion.attemptId else { return deleted }
            try db.cachedStatement(sql: """
                UPDATE delivery_attempt SET outcome = ?, requestId = ?, coldStart = ?, invokedAt = ?, endedAt = ?,
                    durationMicroseconds = ?, throttles = ?, errorType = ?, errorMessage = ?, failedMessageIds = ?,
                    filteredMessageIds = ?
                WHERE id = ?
                """).execute(arguments: [
                    completion.outcome, completion.requestId, completion.coldStart, completion.invokedAt, now,
                    completion.durationMicroseconds, completion.throttles, completion.errorType, completion.errorMessage,
                    try completion.reportedFailed.isEmpty ? nil : Self.jsonList(completion.reportedFailed),
                    try completion.filteredOut.isEmpty ? nil : Self.jsonList(completion.filteredOut), attemptId,
                ])
            if !completion.carriedOver.isEmpty {
                try db.cachedStatement(sql: """
                    UPDATE delivery_attempt SET batchSize = batchSize - ?,
                        messageIds = (SELECT json_group_array(value) FROM json_each(delivery_attempt.messageIds)
                                      WHERE value NOT IN (SELECT value FROM json_each(?)))
                    WHERE id = ?
                    """).execute(arguments: [completion.carriedOver.count, try Self.jsonList(completion.carriedOver), attemptId])
            }
            return deleted
        }
        // A mapping deletes a batch with one DeleteMessageBatch request per ten messages.
        if !completion.deleting.isEmpty {
            activity.record(name) {
                $0.deleted += deleted
                $0.requests += (completion.deleting.count + 9) / 10
            }
        }
    }

    /// Starts an attempt for messages already received (carried over from a full batch).
    public func startDelivery(_ source: DeliverySource, messages: [ReceivedMessage]) async throws(SQSError) -> Int64 {
        let now = now()
        return try await write { db in
            let attemptId = try self.startAttempt(source, at: now, db)
            try self.addMessages(messages.map(\.messageId), toAttempt: attemptId, db)
            let mark = try db.cachedStatement(sql: "UPDATE message SET lastAttemptId = ? WHERE id = ?")
            for message in messages {
                try mark.execute(arguments: [attemptId, try ReceiptHandle(decoding: message.receiptHandle).rowId])
            }
            return attemptId
        }
    }

    /// Records an attempt that is over when it is recorded (an asynchronous invocation).
    public func recordAttempt(_ attempt: DeliveryAttempt) async throws(SQSError) {
        try await write { db in
            var attempt = attempt
            try attempt.insert(db)
        }
    }

    /// Attempts still in progress belong to a runner that stopped before they ended (a crash or
    /// `kill -9`); called when a runner starts. Returns how many there were.
    @discardableResult
    public func markInterruptedDeliveries() async throws(SQSError) -> Int {
        try await write { db in
            try DeliveryAttempt.filter(DeliveryAttempt.Columns.outcome == DeliveryOutcome.inProgress)
                .updateAll(db, DeliveryAttempt.Columns.outcome.set(to: DeliveryOutcome.interrupted))
        }
    }

    /// Every attempt that carried the message, oldest first, with what became of the message in it.
    /// An offline question: it reads the attempt table through (the ids sit in each row, which
    /// keeps recording cheap), some milliseconds for ten thousand attempts.
    public func deliveryHistory(ofMessage messageId: String) async throws(SQSError) -> [(attempt: DeliveryAttempt, status: DeliveredMessageStatus)] {
        try await read { db in
            try DeliveryAttempt.fetchAll(
                db.cachedStatement(sql: """
                    SELECT * FROM delivery_attempt WHERE EXISTS (SELECT 1 FROM json_each(messageIds) WHERE value = ?) ORDER BY id
                    """),
                arguments: [messageId]
            ).map { ($0, $0.status(of: messageId)) }
        }
    }

    /// Attempts in id order (oldest first), optionally of one function.
    public func deliveryAttempts(function: String? = nil) async throws(SQSError) -> [DeliveryAttempt] {
        try await read { db in
            var request = DeliveryAttempt.order(DeliveryAttempt.Columns.id)
            if let function { request = request.filter(DeliveryAttempt.Columns.functionName == function) }
            return try request.fetchAll(db)
        }
    }
}
