/// The parameters of one ReceiveMessage call.
public struct ReceiveRequest: Sendable {
    public var maxMessages: Int
    public var visibilityTimeout: Int?
    public var waitTimeSeconds: Int?
    /// `AttributeNames` and `MessageSystemAttributeNames` together.
    public var systemAttributes: SystemAttributeSelection
    public var messageAttributes: MessageAttributeSelection
    /// FIFO queues only: a retry with the same id within five minutes gets the same messages and
    /// receipt handles, as long as none of them was deleted or had its visibility changed.
    public var attemptId: String?

    public init(
        maxMessages: Int = 1, visibilityTimeout: Int? = nil, waitTimeSeconds: Int? = nil,
        systemAttributeNames: [String] = [], messageAttributeNames: [String] = [], attemptId: String? = nil
    ) {
        self.maxMessages = maxMessages
        self.visibilityTimeout = visibilityTimeout
        self.waitTimeSeconds = waitTimeSeconds
        self.systemAttributes = SystemAttributeSelection(systemAttributeNames)
        self.messageAttributes = MessageAttributeSelection(messageAttributeNames)
        self.attemptId = attemptId
    }

    func validate() throws(SQSError) {
        guard (1...10).contains(maxMessages) else {
            throw .invalidParameter("MaxNumberOfMessages", String(maxMessages), reason: "Must be between 1 and 10, if provided.")
        }
        if let visibilityTimeout, !(0...43_200).contains(visibilityTimeout) {
            throw .invalidParameter("VisibilityTimeout", String(visibilityTimeout), reason: "Must be between 0 and 43200, if provided.")
        }
        if let waitTimeSeconds, !(0...20).contains(waitTimeSeconds) {
            throw .invalidParameter("WaitTimeSeconds", String(waitTimeSeconds), reason: "Must be >= 0 and <= 20, if provided.")
        }
        if let attemptId,
           !(1...128).contains(attemptId.count) || !attemptId.unicodeScalars.allSatisfy({ (33...126).contains($0.value) }) {
            throw .invalidParameter(
                "ReceiveRequestAttemptId", attemptId,
                reason: "ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.")
        }
    }
}
