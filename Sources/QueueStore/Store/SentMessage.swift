/// What SendMessage reports for an accepted message.
public struct SentMessage: Sendable, Equatable {
    public var messageId: String
    public var md5OfBody: String
    public var md5OfMessageAttributes: String?
    public var md5OfMessageSystemAttributes: String?
    public var sequenceNumber: String?
}
