import ServiceLifecycle
import QueueStore

extension SQSActions {
    func sendMessage(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let message = try Self.outgoingMessage(input, context)
        let results = try await store.send([message], toQueue: try queueName(input, context), senderId: context.senderId)
        return Self.sentValue(try results[0].get())
    }

    func sendMessageBatch(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let name = try queueName(input, context)
        let batch = try BatchEnvelope(input, entryName: "SendMessageBatchRequestEntry")
        let parsed = batch.entries.map { entry in Result { () throws(SQSError) in try Self.outgoingMessage(entry, context) } }
        let size = parsed.reduce(0) { total, entry in
            guard case .success(let message) = entry else { return total }
            return total + message.size
        }
        guard size <= BatchEnvelope.maximumPayloadBytes else {
            throw SQSError(.batchRequestTooLong, "Batch requests cannot be longer than \(BatchEnvelope.maximumPayloadBytes) bytes. You have sent \(size) bytes.")
        }
        let accepted = parsed.compactMap { try? $0.get() }
        var sent = try await store.send(accepted, toQueue: name, senderId: context.senderId).makeIterator()
        let outcomes = parsed.map { entry -> Result<SentMessage, SQSError> in
            switch entry {
            case .success: sent.next()!
            case .failure(let error): .failure(error)
            }
        }
        return batch.result(outcomes) { id, message in
            guard case .map(var members) = Self.sentValue(message) else { return .null }
            members["Id"] = .string(id)
            return .map(members)
        }
    }

    func receiveMessage(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let name = try queueName(input, context)
        let request = ReceiveRequest(
            maxMessages: try input.optionalInteger("MaxNumberOfMessages") ?? 1,
            visibilityTimeout: try input.optionalInteger("VisibilityTimeout"),
            waitTimeSeconds: try input.optionalInteger("WaitTimeSeconds"),
            systemAttributeNames: try input.stringList("AttributeNames") + input.stringList("MessageSystemAttributeNames"),
            messageAttributeNames: try input.stringList("MessageAttributeNames"),
            attemptId: try input.optionalString("ReceiveRequestAttemptId"))
        // A long poll ends early, empty, when the server shuts down.
        let messages = try await withReceiveCancelledOnShutdown { () throws(SQSError) in
            try await store.receive(fromQueue: name, request)
        }
        // With nothing to deliver SQS leaves `Messages` out (SDKs then report no list, not an empty one).
        return .map(messages.isEmpty ? [:] : ["Messages": .list(messages.map(Self.messageValue))])
    }

    func deleteMessage(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        let handle = try input.string("ReceiptHandle")
        try await store.deleteMessages(fromQueue: try queueName(input, context), receiptHandles: [handle])[0].get()
        return nil
    }

    func deleteMessageBatch(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let name = try queueName(input, context)
        let batch = try BatchEnvelope(input, entryName: "DeleteMessageBatchRequestEntry")
        let handles = try batch.entries.map { entry throws(SQSError) in try entry.string("ReceiptHandle") }
        let outcomes = try await store.deleteMessages(fromQueue: name, receiptHandles: handles)
        return batch.result(outcomes) { id, _ in .map(["Id": .string(id)]) }
    }

    func changeMessageVisibility(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        let change = (receiptHandle: try input.string("ReceiptHandle"), visibilityTimeout: try Self.visibilityTimeout(input))
        try await store.changeVisibility(ofQueue: try queueName(input, context), [change])[0].get()
        return nil
    }

    func changeMessageVisibilityBatch(_ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue {
        let name = try queueName(input, context)
        let batch = try BatchEnvelope(input, entryName: "ChangeMessageVisibilityBatchRequestEntry")
        let changes = try batch.entries.map { entry throws(SQSError) in
            (receiptHandle: try entry.string("ReceiptHandle"), visibilityTimeout: try Self.visibilityTimeout(entry))
        }
        let outcomes = try await store.changeVisibility(ofQueue: name, changes)
        return batch.result(outcomes) { id, _ in .map(["Id": .string(id)]) }
    }

    private static func visibilityTimeout(_ input: AWSInput) throws(SQSError) -> Int {
        guard let timeout = try input.optionalInteger("VisibilityTimeout") else { throw .missingParameter("VisibilityTimeout") }
        return timeout
    }

    private static func outgoingMessage(_ input: AWSInput, _ context: SQSRequestContext) throws(SQSError) -> OutgoingMessage {
        OutgoingMessage(
            body: try input.string("MessageBody"),
            delaySeconds: try input.optionalInteger("DelaySeconds"),
            attributes: try input.messageAttributes("MessageAttributes"),
            systemAttributes: try input.messageAttributes("MessageSystemAttributes"),
            groupId: try input.optionalString("MessageGroupId"),
            deduplicationId: try input.optionalString("MessageDeduplicationId"),
            traceHeader: context.traceHeader)
    }

    private static func sentValue(_ message: SentMessage) -> AWSValue {
        var members: [String: AWSValue] = ["MessageId": .string(message.messageId), "MD5OfMessageBody": .string(message.md5OfBody)]
        if let md5 = message.md5OfMessageAttributes { members["MD5OfMessageAttributes"] = .string(md5) }
        if let md5 = message.md5OfMessageSystemAttributes { members["MD5OfMessageSystemAttributes"] = .string(md5) }
        if let sequence = message.sequenceNumber { members["SequenceNumber"] = .string(sequence) }
        return .map(members)
    }

    private static func messageValue(_ message: ReceivedMessage) -> AWSValue {
        var members: [String: AWSValue] = [
            "MessageId": .string(message.messageId), "ReceiptHandle": .string(message.receiptHandle),
            "MD5OfBody": .string(message.md5OfBody), "Body": .string(message.body),
        ]
        if !message.attributes.isEmpty { members["Attributes"] = .stringMap(message.attributes) }
        if !message.messageAttributes.isEmpty {
            members["MessageAttributes"] = .attributesValue(message.messageAttributes)
            members["MD5OfMessageAttributes"] = message.md5OfMessageAttributes.map(AWSValue.string)
        }
        return .map(members)
    }

    private func withReceiveCancelledOnShutdown(
        _ receive: @escaping @Sendable () async throws(SQSError) -> [ReceivedMessage]
    ) async throws(SQSError) -> [ReceivedMessage] {
        do {
            return try await cancelWhenGracefulShutdown { try await receive() }
        } catch let error as SQSError {
            throw error
        } catch {
            return []
        }
    }
}
