/// How a delivered batch ended: what to delete and what to record, in one transaction.
public struct DeliveryCompletion: Sendable {
    public var attemptId: Int64?
    public var outcome: DeliveryOutcome
    public var requestId: String?
    public var coldStart = false
    public var invokedAt: Int64?
    public var durationMicroseconds: Int64?
    public var throttles = 0
    public var errorType: String?
    public var errorMessage: String?
    /// Receipt handles of the messages to delete (succeeded or filtered out).
    public var deleting: [String] = []
    /// Message ids the function listed in `batchItemFailures`.
    public var reportedFailed: [String] = []
    /// Message ids that matched no filter.
    public var filteredOut: [String] = []
    /// Message ids received for this batch that did not fit its 6 MB payload: they go with the
    /// next batch, so they are taken off this attempt.
    public var carriedOver: [String] = []

    public init(attemptId: Int64?, outcome: DeliveryOutcome) {
        self.attemptId = attemptId
        self.outcome = outcome
    }
}
