/// The properties of an `AWS::SQS::Queue` that decide how messages flow; unset ones take SQS's defaults.
public struct SQSQueueProperties: Codable, Equatable, Sendable {
    public var queueName: String?
    /// Seconds, 0–43200; SQS's default is 30.
    public var visibilityTimeout: Int?
    /// Seconds, 60–1209600; SQS's default is 345600 (4 days).
    public var messageRetentionPeriod: Int?
    public var delaySeconds: Int?
    public var fifoQueue: Bool?
    public var contentBasedDeduplication: Bool?
    public var redrivePolicy: RedrivePolicy?

    public init(
        queueName: String? = nil,
        visibilityTimeout: Int? = nil,
        messageRetentionPeriod: Int? = nil,
        delaySeconds: Int? = nil,
        fifoQueue: Bool? = nil,
        contentBasedDeduplication: Bool? = nil,
        redrivePolicy: RedrivePolicy? = nil
    ) {
        self.queueName = queueName
        self.visibilityTimeout = visibilityTimeout
        self.messageRetentionPeriod = messageRetentionPeriod
        self.delaySeconds = delaySeconds
        self.fifoQueue = fifoQueue
        self.contentBasedDeduplication = contentBasedDeduplication
        self.redrivePolicy = redrivePolicy
    }

    private enum CodingKeys: String, CodingKey {
        case queueName = "QueueName"
        case visibilityTimeout = "VisibilityTimeout"
        case messageRetentionPeriod = "MessageRetentionPeriod"
        case delaySeconds = "DelaySeconds"
        case fifoQueue = "FifoQueue"
        case contentBasedDeduplication = "ContentBasedDeduplication"
        case redrivePolicy = "RedrivePolicy"
    }
}
