/// A message a client asks to send.
public struct OutgoingMessage: Sendable {
    public var body: String
    public var delaySeconds: Int?
    public var attributes: [String: MessageAttributeValue]
    /// Message system attributes; SQS supports only `AWSTraceHeader`.
    public var systemAttributes: [String: MessageAttributeValue]
    public var groupId: String?
    public var deduplicationId: String?
    /// The X-Ray trace of the request that sent it (its `X-Amzn-Trace-Id` header).
    public var traceHeader: String?

    public init(
        body: String, delaySeconds: Int? = nil, attributes: [String: MessageAttributeValue] = [:],
        systemAttributes: [String: MessageAttributeValue] = [:], groupId: String? = nil, deduplicationId: String? = nil,
        traceHeader: String? = nil
    ) {
        self.body = body
        self.delaySeconds = delaySeconds
        self.attributes = attributes
        self.systemAttributes = systemAttributes
        self.groupId = groupId
        self.deduplicationId = deduplicationId
        self.traceHeader = traceHeader
    }

    /// The `AWSTraceHeader` the message keeps: its system attribute overrides the request's header.
    var awsTraceHeader: String? { systemAttributes["AWSTraceHeader"]?.stringValue ?? traceHeader }

    /// Bytes counted against the message size limit: the body and every attribute's name, type and value.
    public var size: Int { MessageValidation.size(body: body, attributes: attributes) }
}
