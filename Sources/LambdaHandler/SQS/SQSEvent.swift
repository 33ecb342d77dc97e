/// The event Lambda's SQS event source mapping passes to a function.
public struct SQSEvent: Codable, Sendable, Equatable {
    public var records: [Message]

    public init(records: [Message]) { self.records = records }

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }

    public struct Message: Codable, Sendable, Equatable {
        public var messageId: String
        public var receiptHandle: String
        public var body: String
        public var attributes: [String: String]
        public var messageAttributes: [String: MessageAttribute]
        public var md5OfBody: String
        /// Present when the message has message attributes.
        public var md5OfMessageAttributes: String?
        public var eventSource: String
        public var eventSourceARN: String
        public var awsRegion: String

        public init(
            messageId: String, receiptHandle: String, body: String, attributes: [String: String] = [:],
            messageAttributes: [String: MessageAttribute] = [:], md5OfBody: String, md5OfMessageAttributes: String? = nil,
            eventSource: String = "aws:sqs", eventSourceARN: String, awsRegion: String
        ) {
            self.messageId = messageId
            self.receiptHandle = receiptHandle
            self.body = body
            self.attributes = attributes
            self.messageAttributes = messageAttributes
            self.md5OfBody = md5OfBody
            self.md5OfMessageAttributes = md5OfMessageAttributes
            self.eventSource = eventSource
            self.eventSourceARN = eventSourceARN
            self.awsRegion = awsRegion
        }
    }

    /// A message attribute as the SQS event carries it (camel-case keys, unlike the SQS API).
    public struct MessageAttribute: Codable, Sendable, Equatable {
        public var stringValue: String?
        public var binaryValue: String?
        public var stringListValues: [String]
        public var binaryListValues: [String]
        public var dataType: String

        public init(stringValue: String? = nil, binaryValue: String? = nil, dataType: String) {
            self.stringValue = stringValue
            self.binaryValue = binaryValue
            self.stringListValues = []
            self.binaryListValues = []
            self.dataType = dataType
        }
    }
}
