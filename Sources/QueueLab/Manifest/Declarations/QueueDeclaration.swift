/// An `AWS::SQS::Queue` of the manifest, as `queuelab start` creates it.
public struct QueueDeclaration: Sendable, Hashable {
    /// Where it is declared: `resources.Resources.<LogicalId>` (or `Resources.<LogicalId>` in a template).
    public let key: String
    public let logicalID: String
    /// `QueueName`, or `<stackName>-<LogicalId>` when unset (see `ManifestPlan`).
    public let name: String
    /// `arn:aws:sqs:<region>:<account>:<name>`, as the SQS endpoint reports it.
    public let arn: String
    /// SQS attribute strings as CreateQueue/SetQueueAttributes take them (`VisibilityTimeout`: `"60"`,
    /// `RedrivePolicy`: `{"deadLetterTargetArn":"…","maxReceiveCount":5}`). `FifoQueue` is present
    /// (`"true"`) only for FIFO queues.
    public let attributes: [String: String]

    public init(key: String, logicalID: String, name: String, arn: String, attributes: [String: String]) {
        self.key = key
        self.logicalID = logicalID
        self.name = name
        self.arn = arn
        self.attributes = attributes
    }

    public var isFIFO: Bool { attributes[Self.fifoQueue] == "true" }

    static let fifoQueue = "FifoQueue"
    static let redrivePolicy = "RedrivePolicy"
}
