import Foundation
import GRDB

extension QueueStore {
    static let deduplicationInterval: Int64 = 5 * 60 * 1000

    /// Sends messages in one transaction; each entry succeeds or fails on its own (as in a batch).
    public func send(
        _ messages: [OutgoingMessage], toQueue name: String, senderId: String
    ) async throws(SQSError) -> [Result<SentMessage, SQSError>] {
        let now = now()
        // Digests and encodings need no queue state: computed here, outside the serial writer.
        let prepared = messages.map(PreparedMessage.init)
        let results = try await write { db in
            var queue = try self.queue(named: name, db)
            let sequenceBefore = queue.lastSequenceNumber
            let results = try prepared.map { message in
                do {
                    return Result<SentMessage, SQSError>.success(
                        try self.insert(message, into: &queue, senderId: senderId, now: now, db))
                } catch let error as SQSError {
                    return .failure(error)
                }
            }
            if queue.lastSequenceNumber != sequenceBefore {
                try db.cachedStatement(sql: "UPDATE queue SET lastSequenceNumber = ? WHERE id = ?")
                    .execute(arguments: [queue.lastSequenceNumber, queue.id])
                self.queueCache.keep(queue)
            }
            return results
        }
        signals.signal(name)
        let accepted = results.count { if case .success = $0 { true } else { false } }
        activity.record(name) {
            $0.sent += accepted
            $0.requests += 1
        }
        return results
    }

    private func insert(_ prepared: PreparedMessage, into queue: inout QueueRecord, senderId: String, now: Int64, _ db: Database) throws -> SentMessage {
        let message = prepared.message
        try Self.validate(message, for: queue)
        var sent = SentMessage(messageId: prepared.messageId, md5OfBody: prepared.md5OfBody,
                               md5OfMessageAttributes: prepared.md5OfAttributes,
                               md5OfMessageSystemAttributes: prepared.md5OfSystemAttributes)
        var deduplicationId: String?
        if queue.fifoQueue {
            let dedupId = message.deduplicationId ?? MessageDigest.sha256Hex(message.body)
            let group = message.groupId ?? ""
            if let seen = try Self.duplicate(of: dedupId, group: group, in: queue, now: now, db) {
                sent.messageId = seen.messageId
                sent.sequenceNumber = seen.sequenceNumber
                return sent
            }
            queue.lastSequenceNumber += 1
            let sequenceNumber = String(queue.lastSequenceNumber)
            sent.sequenceNumber = String(repeating: "0", count: max(0, 20 - sequenceNumber.count)) + sequenceNumber
            deduplicationId = dedupId
            try DeduplicationRecord(queueId: queue.id!, key: Self.deduplicationKey(dedupId, group: group), messageId: sent.messageId, sequenceNumber: sent.sequenceNumber!,
                                    expiresAt: now + Self.deduplicationInterval).save(db)
        }
        // A FIFO queue delays only by its own DelaySeconds (a message may only say 0).
        let delay = Int64(queue.fifoQueue ? queue.delaySeconds : message.delaySeconds ?? queue.delaySeconds) * 1000
        try db.cachedStatement(sql: """
            INSERT INTO message (queueId, messageId, body, md5OfBody, messageAttributes, md5OfMessageAttributes,
                awsTraceHeader, senderId, sentAt, visibleAt, receiveCount, groupId, deduplicationId, sequenceNumber)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
            """).execute(arguments: [
                queue.id, sent.messageId, message.body, sent.md5OfBody, prepared.attributesJSON, sent.md5OfMessageAttributes,
                message.awsTraceHeader, senderId, now, now + delay,
                message.groupId, deduplicationId, sent.sequenceNumber,
            ])
        return sent
    }

    /// Deduplication records are keyed `<deduplication id> <group>` (a space occurs in neither), so
    /// the queue's current DeduplicationScope decides at every send: the id alone, or id and group.
    static func deduplicationKey(_ deduplicationId: String, group: String) -> String {
        "\(deduplicationId) \(group)"
    }

    /// The unexpired message that makes this one a duplicate under the queue's deduplication scope.
    static func duplicate(of deduplicationId: String, group: String, in queue: QueueRecord, now: Int64, _ db: Database) throws -> DeduplicationRecord? {
        if queue.deduplicationScope == "messageGroup" {
            return try DeduplicationRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM deduplication WHERE queueId = ? AND key = ? AND expiresAt > ?"),
                arguments: [queue.id, deduplicationKey(deduplicationId, group: group), now])
        }
        // Every group's record of the id: keys from "<id> " up to "<id>!", as "!" follows the space.
        return try DeduplicationRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM deduplication WHERE queueId = ? AND key >= ? AND key < ? AND expiresAt > ? LIMIT 1"),
            arguments: [queue.id, "\(deduplicationId) ", "\(deduplicationId)!", now])
    }

    static func validate(_ message: OutgoingMessage, for queue: QueueRecord) throws(SQSError) {
        try MessageValidation.checkBody(message.body)
        try MessageValidation.checkAttributes(message.attributes)
        for (name, value) in message.systemAttributes {
            guard name == "AWSTraceHeader", value.dataType == "String", value.stringValue?.isEmpty == false else {
                throw SQSError(.invalidParameterValue, "Message system attribute name '\(name)' is invalid. Only AWSTraceHeader of type String is supported.")
            }
        }
        if message.size > queue.maximumMessageSize {
            throw SQSError(.invalidParameterValue, "One or more parameters are invalid. Reason: Message must be shorter than \(queue.maximumMessageSize) bytes.")
        }
        if let delay = message.delaySeconds {
            // AWS's text, "include" included (LocalStack's AWS-recorded snapshot of
            // test_fifo_queue_send_message_with_delay_seconds_fails); 0 is accepted.
            if queue.fifoQueue, delay != 0 {
                throw .invalidParameter("DelaySeconds", String(delay), reason: "The request include parameter that is not valid for this queue type.")
            }
            guard (0...900).contains(delay) else {
                throw .invalidParameter("DelaySeconds", String(delay), reason: "DelaySeconds must be >= 0 and <= 900")
            }
        }
        for (parameter, value) in [("MessageGroupId", message.groupId), ("MessageDeduplicationId", message.deduplicationId)] {
            guard let value else { continue }
            guard (1...128).contains(value.count), value.unicodeScalars.allSatisfy({ $0.isASCII && (33...126).contains($0.value) }) else {
                throw .invalidParameter(parameter, value, reason: "\(parameter) can only include alphanumeric and punctuation characters. 1 to 128 in length.")
            }
        }
        if queue.fifoQueue {
            guard message.groupId != nil else { throw .missingParameter("MessageGroupId") }
            guard message.deduplicationId != nil || queue.contentBasedDeduplication else {
                throw SQSError(.invalidParameterValue, "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
            }
        } else if let dedupId = message.deduplicationId {
            throw .invalidParameter("MessageDeduplicationId", dedupId, reason: "The request includes a parameter that is not valid for this queue type.")
        }
    }
}
