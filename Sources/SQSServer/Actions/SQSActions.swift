import QueueStore

/// Performs SQS actions on the store: protocol-independent, from a request document to a result.
struct SQSActions: Sendable {
    let store: QueueStore

    func perform(_ action: SQSAction, _ input: AWSInput, _ context: SQSRequestContext) async throws(SQSError) -> AWSValue? {
        switch action {
        case .createQueue: try await createQueue(input, context)
        case .deleteQueue: try await deleteQueue(input, context)
        case .listQueues: try await listQueues(input, context)
        case .getQueueUrl: try await getQueueUrl(input, context)
        case .getQueueAttributes: try await getQueueAttributes(input, context)
        case .setQueueAttributes: try await setQueueAttributes(input, context)
        case .purgeQueue: try await purgeQueue(input, context)
        case .sendMessage: try await sendMessage(input, context)
        case .sendMessageBatch: try await sendMessageBatch(input, context)
        case .receiveMessage: try await receiveMessage(input, context)
        case .deleteMessage: try await deleteMessage(input, context)
        case .deleteMessageBatch: try await deleteMessageBatch(input, context)
        case .changeMessageVisibility: try await changeMessageVisibility(input, context)
        case .changeMessageVisibilityBatch: try await changeMessageVisibilityBatch(input, context)
        case .tagQueue: try await tagQueue(input, context)
        case .untagQueue: try await untagQueue(input, context)
        case .listQueueTags: try await listQueueTags(input, context)
        case .addPermission: try await addPermission(input, context)
        case .removePermission: try await removePermission(input, context)
        case .listDeadLetterSourceQueues: try await listDeadLetterSourceQueues(input, context)
        case .startMessageMoveTask: try await startMessageMoveTask(input, context)
        case .cancelMessageMoveTask: try await cancelMessageMoveTask(input, context)
        case .listMessageMoveTasks: try await listMessageMoveTasks(input, context)
        }
    }

    /// The queue a request names: the last path component of `QueueUrl`, or of the request path
    /// for Query requests sent to the queue's URL.
    func queueName(_ input: AWSInput, _ context: SQSRequestContext) throws(SQSError) -> String {
        let url = try input.optionalString("QueueUrl") ?? (SQSRequestContext.namesQueue(context.path) ? context.path : nil)
        guard let url else { throw .missingParameter("QueueUrl") }
        guard let name = url.split(separator: "/").last, !name.isEmpty else { throw .nonExistentQueue }
        return String(name)
    }

    func queueURL(_ name: String, _ context: SQSRequestContext) -> String {
        "\(context.baseURL)/\(store.accountId)/\(name)"
    }
}
