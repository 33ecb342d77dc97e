import Foundation
import GRDB
import Primitives

extension QueueStore {
    private struct ReceiveOutcome: Sendable {
        var messages: [ReceivedMessage]
        var waitTimeSeconds: Int
        var deadLetterQueueName: String?
        /// Messages moved to the dead-letter queue on the way.
        var deadLettered = 0
        /// The earliest time a message of the queue becomes visible, for a long poll to wake at.
        var nextVisibleAt: Int64?
        var attemptId: Int64?
        /// When the delivered messages become visible again.
        var visibleUntil: Int64 = 0
    }

    /// Receives up to `maxMessages`; with a wait time (per call, else the queue's
    /// ReceiveMessageWaitTimeSeconds) it long-polls until a message arrives or the wait ends.
    public func receive(fromQueue name: String, _ request: ReceiveRequest) async throws(SQSError) -> [ReceivedMessage] {
        try await receive(fromQueue: name, request, wait: nil, recording: nil).messages
    }

    /// An event source mapping's receive: it long-polls for `wait` when given (in place of the
    /// request's and the queue's wait time, so a batching window can end a poll early), and records
    /// what it delivered in the same transaction, so no delivered message is missing from the history.
    public func receive(
        fromQueue name: String, _ request: ReceiveRequest, wait: Duration?, recording: DeliveryRecording?
    ) async throws(SQSError) -> Delivery {
        try request.validate()
        let start = now()
        // A long poll is one request however often it looks.
        activity.record(name) { $0.requests += 1 }
        while true {
            let generation = signals.generation(of: name)
            let now = now()
            let outcome = try await write { db in try self.receiveOnce(fromQueue: name, request, recording: recording, now: now, db) }
            if let deadLetterQueueName = outcome.deadLetterQueueName { signals.signal(deadLetterQueueName) }
            if !outcome.messages.isEmpty || outcome.deadLettered > 0 {
                activity.record(name) {
                    $0.received += outcome.messages.count
                    $0.deadLettered += outcome.deadLettered
                }
            }
            let waitMilliseconds = wait.map(\.wholeMilliseconds) ?? Int64(request.waitTimeSeconds ?? outcome.waitTimeSeconds) * 1000
            let deadline = start + waitMilliseconds
            guard outcome.messages.isEmpty, now < deadline, !Task.isCancelled else {
                return Delivery(messages: outcome.messages, attemptId: outcome.attemptId, visibleUntil: outcome.visibleUntil)
            }
            let wakeAt = min(deadline, outcome.nextVisibleAt ?? deadline)
            await waitForSignal(on: name, after: generation, timeout: .milliseconds(max(wakeAt - now, 1)))
        }
    }

    private func receiveOnce(
        fromQueue name: String, _ request: ReceiveRequest, recording: DeliveryRecording?, now: Int64, _ db: Database
    ) throws -> ReceiveOutcome {
        let queue = try self.queue(named: name, db)
        try deleteExpiredMessages(of: queue, now: now, db)
        let deadLetterQueue = try queue.redrivePolicy.flatMap { try self.queue(arn: $0.deadLetterTargetArn, db) }
        let planner = ReceivePlanner(
            now: now, maxMessages: request.maxMessages, isFifo: queue.fifoQueue,
            maxReceiveCount: deadLetterQueue == nil ? nil : queue.redrivePolicy?.maxReceiveCount)
        let visibility = Int64(request.visibilityTimeout ?? queue.visibilityTimeout) * 1000
        let attemptId = queue.fifoQueue ? request.attemptId : nil
        if let attemptId, let replayed = try replayAttempt(attemptId, of: queue, visibleAt: now + visibility, now: now, request, db) {
            return ReceiveOutcome(messages: replayed, waitTimeSeconds: queue.receiveMessageWaitTimeSeconds, visibleUntil: now + visibility)
        }

        var delivered: [ReceivedMessage] = []
        var deliveredRows: [(rowId: Int64, nonce: String)] = []
        var deliveryAttemptId = recording?.attemptId
        var deadLettered = 0
        var afterRowId: Int64 = 0
        while delivered.count < request.maxMessages {
            let candidates = try self.candidates(of: queue, now: now, afterRowId: afterRowId, db)
            guard !candidates.isEmpty else { break }
            var remaining = planner
            remaining.maxMessages = request.maxMessages - delivered.count
            var movedThisPage = false
            for action in remaining.plan(candidates) {
                switch action {
                case .deadLetter(let rowId):
                    // The planner dead-letters only when the redrive policy's queue exists.
                    guard let deadLetterQueue else { continue }
                    try db.cachedStatement(sql: """
                        UPDATE message SET queueId = ?, deadLetterSourceArn = ?, visibleAt = ?, receiptNonce = NULL,
                            deadLetteredAt = ?, deadLetterAttemptId = lastAttemptId
                        WHERE id = ?
                        """).execute(arguments: [deadLetterQueue.id, queue.arn, now, now, rowId])
                    try recordEvent(.deadLettered, ofMessageRow: rowId, from: queue.name, to: deadLetterQueue.name, at: now, db)
                    deadLettered += 1
                    movedThisPage = true
                case .deliver(let rowId):
                    if deliveryAttemptId == nil, case .start(let source)? = recording {
                        deliveryAttemptId = try startAttempt(source, at: now, db)
                    }
                    let (message, nonce) = try deliver(
                        rowId: rowId, queue: queue, visibleAt: now + visibility, now: now, attemptId: deliveryAttemptId, request, db)
                    delivered.append(message)
                    deliveredRows.append((rowId, nonce))
                }
            }
            // FIFO pages on by sequence; a standard queue looks again only if dead-lettering made room.
            if queue.fifoQueue {
                afterRowId = candidates.last!.rowId
            } else if !movedThisPage {
                break
            }
        }
        if let attemptId, !deliveredRows.isEmpty {
            try recordAttempt(attemptId, of: queue, rows: deliveredRows, visibleAt: now + visibility, now: now, db)
        }
        if let deliveryAttemptId, !delivered.isEmpty {
            try addMessages(delivered.map(\.messageId), toAttempt: deliveryAttemptId, db)
        }
        // Only a receive that found nothing long-polls, and needs to know when to look again.
        let nextVisibleAt = delivered.isEmpty ? try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT MIN(visibleAt) FROM message WHERE queueId = ? AND visibleAt > ?"), arguments: [queue.id, now]) : nil
        return ReceiveOutcome(messages: delivered, waitTimeSeconds: queue.receiveMessageWaitTimeSeconds,
                              deadLetterQueueName: deadLettered > 0 ? deadLetterQueue?.name : nil, deadLettered: deadLettered,
                              nextVisibleAt: nextVisibleAt, attemptId: delivered.isEmpty ? nil : deliveryAttemptId,
                              visibleUntil: now + visibility)
    }

    static let candidatePage = 64

    private func candidates(of queue: QueueRecord, now: Int64, afterRowId: Int64, _ db: Database) throws -> [ReceivePlanner.Candidate] {
        let rows: [Row]
        if queue.fifoQueue {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, visibleAt, receiveCount, groupId FROM message
                WHERE queueId = ? AND id > ? ORDER BY id LIMIT ?
                """), arguments: [queue.id, afterRowId, Self.candidatePage * 8])
        } else {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, visibleAt, receiveCount, groupId FROM message
                WHERE queueId = ? AND visibleAt <= ? ORDER BY visibleAt, id LIMIT ?
                """), arguments: [queue.id, now, Self.candidatePage])
        }
        return rows.map { ReceivePlanner.Candidate(rowId: $0[0], visibleAt: $0[1], receiveCount: $0[2], groupId: $0[3]) }
    }

    /// Delivers one message: a new receipt, a higher receive count, and (for a mapping's receive)
    /// the attempt that carries it.
    private func deliver(
        rowId: Int64, queue: QueueRecord, visibleAt: Int64, now: Int64, attemptId: Int64?, _ request: ReceiveRequest, _ db: Database
    ) throws -> (ReceivedMessage, nonce: String) {
        let nonce = ReceiptHandle.newNonce()
        let statement = try db.cachedStatement(sql: """
            UPDATE message SET receiveCount = receiveCount + 1, firstReceivedAt = COALESCE(firstReceivedAt, ?),
                receivedAt = ?, visibleAt = ?, receiptNonce = ?, lastAttemptId = COALESCE(?, lastAttemptId)
            WHERE id = ? RETURNING *
            """)
        let record = try MessageRecord.fetchOne(statement, arguments: [now, now, visibleAt, nonce, attemptId, rowId])!
        return (Self.received(record, queue: queue, nonce: nonce, request), nonce)
    }

    /// A message as ReceiveMessage returns it, with the receipt handle for `nonce`.
    static func received(_ record: MessageRecord, queue: QueueRecord, nonce: String, _ request: ReceiveRequest) -> ReceivedMessage {
        let handle = ReceiptHandle(queueId: queue.id!, rowId: record.id!, nonce: nonce)
        let messageAttributes = request.messageAttributes.select(record.messageAttributes ?? [:])
        // Selecting every attribute reuses the digest computed at send.
        let md5OfMessageAttributes = request.messageAttributes.selectsAll
            ? record.md5OfMessageAttributes : MessageDigest.md5OfAttributes(messageAttributes)
        return ReceivedMessage(
            messageId: record.messageId, receiptHandle: handle.encoded, body: record.body, md5OfBody: record.md5OfBody,
            attributes: request.systemAttributes.values(of: record),
            messageAttributes: messageAttributes, md5OfMessageAttributes: md5OfMessageAttributes)
    }

    func deleteExpiredMessages(of queue: QueueRecord, now: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM message WHERE queueId = ? AND sentAt <= ?").execute(
                       arguments: [queue.id, queue.retentionCutoff(now: now)])
    }
}
