import GRDB

/// One try to deliver work to a function: a batch an event source mapping received and invoked
/// (or could not invoke), or one asynchronous invocation. Times are milliseconds since the epoch.
public struct DeliveryAttempt: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "delivery_attempt"

    public var id: Int64?
    public var functionName: String
    /// The event source mapping that received the batch; `nil` for an asynchronous invocation.
    public var mappingId: String?
    /// `RequestResponse` or `Event` for an invocation through the Invoke API; `nil` for a mapping's batch.
    public var invocationType: String?
    public var queueName: String?
    /// When the batch's first message was received; for an invocation through the Invoke API,
    /// when that attempt started.
    public var receivedAt: Int64
    /// When the function was last offered the batch (after any throttles).
    public var invokedAt: Int64?
    public var endedAt: Int64?
    public var requestId: String?
    public var coldStart: Bool
    public var durationMicroseconds: Int64?
    public var outcome: DeliveryOutcome
    /// Messages the batch carried.
    public var batchSize: Int
    /// Times the function refused the batch for lack of concurrency.
    public var throttles: Int
    public var errorType: String?
    public var errorMessage: String?
    /// The messages the batch carried, in order.
    public var messageIds: [String]
    /// Those the function listed in `batchItemFailures`.
    public var failedMessageIds: [String]?
    /// Those that matched no filter.
    public var filteredMessageIds: [String]?

    public init(
        functionName: String, mappingId: String?, queueName: String?, receivedAt: Int64, batchSize: Int,
        outcome: DeliveryOutcome = .inProgress
    ) {
        self.functionName = functionName
        self.mappingId = mappingId
        self.queueName = queueName
        self.receivedAt = receivedAt
        self.coldStart = false
        self.outcome = outcome
        self.batchSize = batchSize
        self.throttles = 0
        self.messageIds = []
    }

    /// What became of `messageId` in this attempt.
    public func status(of messageId: String) -> DeliveredMessageStatus {
        if failedMessageIds?.contains(messageId) == true { return .reportedFailed }
        if filteredMessageIds?.contains(messageId) == true { return .filteredOut }
        return .inBatch
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let functionName = Column(CodingKeys.functionName)
        public static let mappingId = Column(CodingKeys.mappingId)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let outcome = Column(CodingKeys.outcome)
    }
}

/// How a delivery attempt ended.
public enum DeliveryOutcome: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Received and not finished yet; after a restart, `interrupted`.
    case inProgress
    case succeeded
    /// The function succeeded and listed some messages as failed (ReportBatchItemFailures).
    case batchItemFailures
    case functionError
    case timedOut
    case outOfMemory
    /// The runtime process exited or crashed.
    case crashed
    case invalidResponse
    case initFailed
    /// The host refused the invoke itself, before any function ran (a payload over its limit).
    case invokeRejected
    /// Every offer of the batch was throttled, until an invocation could no longer end before
    /// the messages' visibility timeout.
    case throttled
    /// No message of the batch matched the mapping's filters; they were deleted unseen.
    case filtered
    /// The runner stopped (or was killed) before the attempt ended.
    case interrupted
}

/// What became of one message in an attempt.
public enum DeliveredMessageStatus: Sendable, Equatable {
    /// Its fate is the attempt's outcome (deleted on success, kept otherwise).
    case inBatch
    /// Listed in the function's `batchItemFailures`: kept on the queue.
    case reportedFailed
    /// Matched no filter: deleted without invoking.
    case filteredOut
}
