/// A delivered message with the system and user attributes the receive asked for.
public struct ReceivedMessage: Sendable, Equatable {
    public var messageId: String
    public var receiptHandle: String
    public var body: String
    public var md5OfBody: String
    public var attributes: [String: String]
    public var messageAttributes: [String: MessageAttributeValue]
    public var md5OfMessageAttributes: String?
}
