import Foundation
import GRDB

extension QueueStore {
    static let deduplicationInterval: Int64 = 5 * 60 * 1000

    /// Sends messages in one transaction; each entry succeeds or fails on its own (as in a batch).
    public func send(
        _ messages: [OutgoingMessage], toQueue name: String, senderId: String
    ) async throws(SQSError) -> [Result<SentMessage, SQSError>] {
        let now = now()
        let results = try await write { db in
            var queue = try self.queue(named: name, db)
            let sequenceBefore = queue.lastSequenceNumber
            let results = try messages.map { message in
                do {
                    return Result<SentMessage, SQSError>.success(
                        try self.insert(message, into: &queue, senderId: senderId, now: now, db))
                } catch let error as SQSError {
                    return .failure(error)
                }
            }
            if queue.lastSequenceNumber != sequenceBefore {
                try db.execute(sql: "UPDATE queue SET lastSequenceNumber = ? WHERE id = ?",
                               arguments: [queue.lastSequenceNumber, queue.id])
            }
            return results
        }
        signals.signal(name)
        return results
    }

    private func insert(_ message: OutgoingMessage, into queue: inout QueueRecord, senderId: String, now: Int64, _ db: Database) throws -> SentMessage {
        try Self.validate(message, for: queue)
        let md5OfBody = MessageDigest.md5Hex(Data(message.body.utf8))
        let md5OfAttributes = MessageDigest.md5OfAttributes(message.attributes)
        let md5OfSystemAttributes = MessageDigest.md5OfAttributes(message.systemAttributes)

        var deduplicationId: String?
        var sequenceNumber: String?
        if queue.fifoQueue {
            let dedupId = message.deduplicationId ?? MessageDigest.sha256Hex(message.body)
            // A space cannot occur in either id, so it separates them unambiguously.
            let key = queue.deduplicationScope == "messageGroup" ? "\(message.groupId ?? "") \(dedupId)" : dedupId
            if let seen = try DeduplicationRecord.fetchOne(db, key: ["queueId": queue.id, "key": key]), seen.expiresAt > now {
                return SentMessage(messageId: seen.messageId, md5OfBody: md5OfBody, md5OfMessageAttributes: md5OfAttributes,
                                   md5OfMessageSystemAttributes: md5OfSystemAttributes, sequenceNumber: seen.sequenceNumber)
            }
            queue.lastSequenceNumber += 1
            sequenceNumber = String(format: "%020lld", queue.lastSequenceNumber)
            deduplicationId = dedupId
            let messageId = UUID().uuidString.lowercased()
            try DeduplicationRecord(queueId: queue.id!, key: key, messageId: messageId, sequenceNumber: sequenceNumber!,
                                    expiresAt: now + Self.deduplicationInterval).save(db)
            return try store(message, messageId: messageId)
        }
        return try store(message, messageId: UUID().uuidString.lowercased())

        func store(_ message: OutgoingMessage, messageId: String) throws -> SentMessage {
            let delay = Int64(message.delaySeconds ?? queue.delaySeconds) * 1000
            var record = MessageRecord(
                queueId: queue.id!, messageId: messageId, body: message.body, md5OfBody: md5OfBody,
                messageAttributes: message.attributes.isEmpty ? nil : message.attributes,
                md5OfMessageAttributes: md5OfAttributes,
                awsTraceHeader: message.systemAttributes["AWSTraceHeader"]?.stringValue,
                senderId: senderId, sentAt: now, visibleAt: now + delay,
                groupId: message.groupId, deduplicationId: deduplicationId, sequenceNumber: sequenceNumber)
            try record.insert(db)
            return SentMessage(messageId: messageId, md5OfBody: md5OfBody, md5OfMessageAttributes: md5OfAttributes,
                               md5OfMessageSystemAttributes: md5OfSystemAttributes, sequenceNumber: sequenceNumber)
        }
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
            if queue.fifoQueue {
                throw .invalidParameter("DelaySeconds", String(delay), reason: "The request include parameter that is not valid for this queue type")
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
