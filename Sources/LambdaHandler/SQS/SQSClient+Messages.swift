/// Request and response shapes of the SQS JSON protocol that `SQSClient` uses.
extension SQSClient {
    public struct OutgoingMessage: Sendable {
        public var body: String
        public var delaySeconds: Int?
        public var messageGroupID: String?
        public var messageDeduplicationID: String?
        public var stringAttributes: [String: String]

        public init(
            body: String, delaySeconds: Int? = nil, messageGroupID: String? = nil,
            messageDeduplicationID: String? = nil, stringAttributes: [String: String] = [:]
        ) {
            self.body = body
            self.delaySeconds = delaySeconds
            self.messageGroupID = messageGroupID
            self.messageDeduplicationID = messageDeduplicationID
            self.stringAttributes = stringAttributes
        }
    }

    public struct BatchEntry: Encodable, Sendable {
        public var id: String
        public var message: OutgoingMessage

        public init(id: String, message: OutgoingMessage) {
            self.id = id
            self.message = message
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: WireKey.self)
            try container.encode(id, forKey: WireKey("Id"))
            try message.encodeFields(into: &container)
        }
    }

    public struct SentMessage: Decodable, Sendable {
        public let messageID: String
        public let md5OfMessageBody: String

        enum CodingKeys: String, CodingKey {
            case messageID = "MessageId"
            case md5OfMessageBody = "MD5OfMessageBody"
        }
    }

    public struct SendMessageBatchResult: Decodable, Sendable {
        public let successful: [Successful]
        public let failed: [Failed]

        enum CodingKeys: String, CodingKey {
            case successful = "Successful"
            case failed = "Failed"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            successful = try container.decodeIfPresent([Successful].self, forKey: .successful) ?? []
            failed = try container.decodeIfPresent([Failed].self, forKey: .failed) ?? []
        }

        public struct Successful: Decodable, Sendable {
            public let id: String
            public let messageID: String

            enum CodingKeys: String, CodingKey {
                case id = "Id"
                case messageID = "MessageId"
            }
        }

        public struct Failed: Decodable, Sendable {
            public let id: String
            public let code: String
            public let message: String?
            public let senderFault: Bool

            enum CodingKeys: String, CodingKey {
                case id = "Id"
                case code = "Code"
                case message = "Message"
                case senderFault = "SenderFault"
            }
        }
    }

    struct SendMessageRequest: Encodable {
        let queueURL: String
        let message: OutgoingMessage

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: WireKey.self)
            try container.encode(queueURL, forKey: WireKey("QueueUrl"))
            try message.encodeFields(into: &container)
        }
    }

    struct SendMessageBatchRequest: Encodable {
        let QueueUrl: String
        let Entries: [BatchEntry]
    }

    struct ChangeMessageVisibilityRequest: Encodable {
        let QueueUrl: String
        let ReceiptHandle: String
        let VisibilityTimeout: Int
    }

    /// An answer with nothing in it (`{}`).
    struct EmptyResponse: Decodable {}

    struct WireKey: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    struct WireAttribute: Encodable {
        let DataType: String
        let StringValue: String
    }
}

extension SQSClient.OutgoingMessage {
    func encodeFields(into container: inout KeyedEncodingContainer<SQSClient.WireKey>) throws {
        typealias Key = SQSClient.WireKey
        try container.encode(body, forKey: Key("MessageBody"))
        try container.encodeIfPresent(delaySeconds, forKey: Key("DelaySeconds"))
        try container.encodeIfPresent(messageGroupID, forKey: Key("MessageGroupId"))
        try container.encodeIfPresent(messageDeduplicationID, forKey: Key("MessageDeduplicationId"))
        if !stringAttributes.isEmpty {
            try container.encode(
                stringAttributes.mapValues { SQSClient.WireAttribute(DataType: "String", StringValue: $0) },
                forKey: Key("MessageAttributes"))
        }
    }
}
