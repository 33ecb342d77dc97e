import Foundation
import GRDB

/// Who receives a batch: the function and mapping its attempt is recorded for.
public struct DeliverySource: Sendable, Equatable {
    public let functionName: String
    public let mappingId: String
    public let queueName: String

    public init(functionName: String, mappingId: String, queueName: String) {
        self.functionName = functionName
        self.mappingId = mappingId
        self.queueName = queueName
    }
}

/// How an event source mapping's receive records what it delivered.
public enum DeliveryRecording: Sendable {
    /// The first receive of a batch: starts the attempt (stored only if a message was delivered,
    /// with the time of the receive that delivered it).
    case start(DeliverySource)
    /// A later receive for the same batch (while a batching window fills it).
    case append(attemptId: Int64)

    var attemptId: Int64? {
        if case .append(let attemptId) = self { attemptId } else { nil }
    }
}

/// What a mapping's receive delivered, and the attempt that records it (when recording).
public struct Delivery: Sendable {
    public let messages: [ReceivedMessage]
    public let attemptId: Int64?
    /// When the messages become visible again unless deleted (milliseconds, the store's clock).
    public let visibleUntil: Int64
}

/// How a delivered batch ended: what to delete and what to record, in one transaction.
public struct DeliveryCompletion: Sendable {
    public var attemptId: Int64?
    public var outcome: DeliveryOutcome
    public var requestId: String?
    public var coldStart = false
    public var invokedAt: Int64?
    public var durationMicroseconds: Int64?
    public var throttles = 0
    public var errorType: String?
    public var errorMessage: String?
    /// Receipt handles of the messages to delete (succeeded or filtered out).
    public var deleting: [String] = []
    /// Message ids the function listed in `batchItemFailures`.
    public var reportedFailed: [String] = []
    /// Message ids that matched no filter.
    public var filteredOut: [String] = []
    /// Message ids received for this batch that did not fit its 6 MB payload: they go with the
    /// next batch, so they are taken off this attempt.
    public var carriedOver: [String] = []

    public init(attemptId: Int64?, outcome: DeliveryOutcome) {
        self.attemptId = attemptId
        self.outcome = outcome
    }
}

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

    /// Adds delivered messages to an attempt's list (the first receive of a batch, or a later one).
    func addMessages(_ messageIds: [String], toAttempt attemptId: Int64, _ db: Database) throws {
        let current = try String.fetchOne(db.cachedStatement(sql: "SELECT messageIds FROM delivery_attempt WHERE id = ?"), arguments: [attemptId])
        let listed = try current.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        try db.cachedStatement(sql: "UPDATE delivery_attempt SET messageIds = ?, batchSize = ? WHERE id = ?")
            .execute(arguments: [try Self.jsonList(listed + messageIds), listed.count + messageIds.count, attemptId])
    }

    static func jsonList(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    /// Ends a delivered batch: deletes what succeeded (a stale receipt deletes nothing, as in
    /// DeleteMessage) and records the outcome, atomically.
    public func completeDelivery(_ completion: DeliveryCompletion, inQueue name: String) async throws(SQSError) {
        let now = now()
        try await write { db in
            let queue = try self.queue(named: name, db)
            for handle in completion.deleting {
                // A handle the store issued cannot be malformed; one for another queue deletes nothing.
                guard let receipt = try? Self.receipt(handle, of: queue) else { continue }
                try self.deleteReceived(receipt, of: queue, db)
            }
            guard let attemptId = completion.attemptId else { return }
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
                let current = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT messageIds FROM delivery_attempt WHERE id = ?"), arguments: [attemptId])
                let kept = try (current.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? [])
                    .filter { !completion.carriedOver.contains($0) }
                try db.cachedStatement(sql: "UPDATE delivery_attempt SET messageIds = ?, batchSize = ? WHERE id = ?")
                    .execute(arguments: [try Self.jsonList(kept), kept.count, attemptId])
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
            let quoted = try Self.jsonList([messageId]).dropFirst().dropLast()
            return try DeliveryAttempt.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM delivery_attempt WHERE instr(messageIds, ?) > 0 ORDER BY id"),
                arguments: [String(quoted)]
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

/// When and from where a message was moved to a dead-letter queue, and the attempt that carried it last.
public struct DeadLetterMove: Sendable, Equatable {
    public let sourceQueueARN: String
    public let movedAt: Int64
    /// The last delivery attempt that carried the message before it exceeded maxReceiveCount;
    /// `nil` if no event source mapping ever delivered it.
    public let attemptId: Int64?
}

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

/// A stored message as an inspector sees it, without receiving it (nothing about it changes).
public struct StoredMessage: Sendable, Equatable {
    public let messageId: String
    public let body: String
    public let receiveCount: Int
    public let sentAt: Int64
    public let groupId: String?
    /// Set for a message a redrive policy moved here.
    public let deadLetterMove: DeadLetterMove?
}

extension QueueStore {
    /// The queue's messages in the order they were sent, however visible they are.
    public func storedMessages(inQueue name: String, limit: Int = 1000) async throws(SQSError) -> [StoredMessage] {
        try await read { db in
            let queue = try self.queue(named: name, db)
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT messageId, body, receiveCount, sentAt, groupId, deadLetterSourceArn, deadLetteredAt, deadLetterAttemptId
                FROM message WHERE queueId = ? ORDER BY id LIMIT ?
                """), arguments: [queue.id, limit])
            return rows.map { row in
                StoredMessage(
                    messageId: row[0], body: row[1], receiveCount: row[2], sentAt: row[3], groupId: row[4],
                    deadLetterMove: (row[6] as Int64?).map { DeadLetterMove(sourceQueueARN: row[5], movedAt: $0, attemptId: row[7]) })
            }
        }
    }
}
