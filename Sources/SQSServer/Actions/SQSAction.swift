/// The 23 actions of the SQS 2012-11-05 API.
enum SQSAction: String, CaseIterable, Sendable {
    case createQueue = "CreateQueue"
    case deleteQueue = "DeleteQueue"
    case listQueues = "ListQueues"
    case getQueueUrl = "GetQueueUrl"
    case getQueueAttributes = "GetQueueAttributes"
    case setQueueAttributes = "SetQueueAttributes"
    case purgeQueue = "PurgeQueue"
    case sendMessage = "SendMessage"
    case sendMessageBatch = "SendMessageBatch"
    case receiveMessage = "ReceiveMessage"
    case deleteMessage = "DeleteMessage"
    case deleteMessageBatch = "DeleteMessageBatch"
    case changeMessageVisibility = "ChangeMessageVisibility"
    case changeMessageVisibilityBatch = "ChangeMessageVisibilityBatch"
    case tagQueue = "TagQueue"
    case untagQueue = "UntagQueue"
    case listQueueTags = "ListQueueTags"
    case addPermission = "AddPermission"
    case removePermission = "RemovePermission"
    case listDeadLetterSourceQueues = "ListDeadLetterSourceQueues"
    case startMessageMoveTask = "StartMessageMoveTask"
    case cancelMessageMoveTask = "CancelMessageMoveTask"
    case listMessageMoveTasks = "ListMessageMoveTasks"

    /// Actions on the account rather than on one queue, which a queue's URL does not take as its endpoint.
    var isAccountWide: Bool { self == .createQueue || self == .listQueues }
}
