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
        // FIFO pages on through the groups, in the order their first message became visible.
        var afterHead = FifoCursor()
        var servedRows: Set<Int64> = []
        var servedGroups: Set<String> = []
        while delivered.count < request.maxMessages {
            let remaining = request.maxMessages - delivered.count
            // The first group often fills the receive: looking for it alone spares a scan for more.
            let candidates = try queue.fifoQueue
                ? self.fifoCandidates(of: queue, now: now, groups: afterHead.isStart ? 1 : remaining, after: afterHead, db)
                : self.candidates(of: queue, now: now, limit: remaining + servedRows.count, db)
            guard !candidates.isEmpty else { break }
            var page = planner
            page.maxMessages = remaining
            var movedThisPage = false
            // With a visibility timeout of 0 what this receive delivered is visible again: never twice.
            let unserved = candidates.filter { !servedRows.contains($0.rowId) && !servedGroups.contains($0.groupId ?? "") }
            for action in page.plan(unserved) {
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
                    servedRows.insert(rowId)
                    if queue.fifoQueue, let group = unserved.first(where: { $0.rowId == rowId })?.groupId { servedGroups.insert(group) }
                }
            }
            // Dead-lettering made room: look again from the start, as a group's next message may lead it
            // now and sort before the cursor (groups already served stay filtered out).
            if movedThisPage {
                afterHead = FifoCursor()
                continue
            }
            guard queue.fifoQueue else { break }
            afterHead = FifoCursor(after: candidates)
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

    /// How many of one group's leading messages a FIFO receive's first page looks at: more than a
    /// receive delivers, so messages it dead-letters on the way do not cut the receive short.
    static let candidatePage = 64

    /// Standard queues: visible messages in the order they were sent, so a message whose visibility
    /// timed out is received again before later ones, as on AWS (LocalStack's AWS-validated
    /// `test_inflight_message_requeue`). `message_by_age` yields that order without sorting; only as
    /// many as the receive still needs (dead-lettering some makes the receive look again).
    private func candidates(of queue: QueueRecord, now: Int64, limit: Int, _ db: Database) throws -> [ReceivePlanner.Candidate] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, visibleAt, receiveCount, groupId FROM message INDEXED BY message_by_age
            WHERE queueId = ? AND visibleAt <= ? ORDER BY sentAt, id LIMIT ?
            """), arguments: [queue.id, now, limit]).map(Self.candidate)
    }

    /// FIFO queues: the next `groups` groups whose first message is visible, in the order it became
    /// visible, each with its leading messages in sequence order (the planner stops a group at its
    /// first message that is not visible). Found through the visibility index, one index probe per
    /// visible message to tell a group's first message from the rest.
    private func fifoCandidates(
        of queue: QueueRecord, now: Int64, groups: Int, after cursor: FifoCursor, _ db: Database
    ) throws -> [ReceivePlanner.Candidate] {
        try Row.fetchAll(db.cachedStatement(sql: """
            WITH head AS (
                SELECT groupId FROM message AS m
                WHERE queueId = :queueId AND visibleAt <= :now AND (visibleAt, id) > (:afterVisibleAt, :afterRowId)
                    AND NOT EXISTS (SELECT 1 FROM message AS earlier
                                    WHERE earlier.queueId = :queueId AND earlier.groupId = m.groupId AND earlier.id < m.id)
                ORDER BY visibleAt, id LIMIT :groups)
            SELECT member.id, member.visibleAt, member.receiveCount, member.groupId FROM head
            JOIN message AS member ON member.id IN (
                SELECT id FROM message WHERE queueId = :queueId AND groupId = head.groupId ORDER BY id LIMIT :perGroup)
            """), arguments: [
                "queueId": queue.id, "now": now, "afterVisibleAt": cursor.visibleAt, "afterRowId": cursor.rowId,
                "groups": groups, "perGroup": groups == 1 ? Self.candidatePage : groups,
            ]).map(Self.candidate)
    }

    private static func candidate(_ row: Row) -> ReceivePlanner.Candidate {
        ReceivePlanner.Candidate(rowId: row[0], visibleAt: row[1], receiveCount: row[2], groupId: row[3])
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
