/// How the sync pages through the CRM; defaults are `BaseCRMIntegration.CRMConfig`'s in the seed.
public struct SyncConfig: Equatable, Sendable {
    public var reverseChronological: Bool
    /// Records per page in the initial sync.
    public var initialBatchSize: Int
    /// Records per page in the ongoing sync.
    public var ongoingBatchSize: Int
    public var supportsWebhooks: Bool
    /// Polling interval when the CRM has no webhooks.
    public var pollIntervalMinutes: Int

    public init(
        reverseChronological: Bool = true,
        initialBatchSize: Int = 100,
        ongoingBatchSize: Int = 50,
        supportsWebhooks: Bool = false,
        pollIntervalMinutes: Int = 60
    ) {
        self.reverseChronological = reverseChronological
        self.initialBatchSize = initialBatchSize
        self.ongoingBatchSize = ongoingBatchSize
        self.supportsWebhooks = supportsWebhooks
        self.pollIntervalMinutes = pollIntervalMinutes
    }

    enum Key: String, CaseIterable {
        case reverseChronological, initialBatchSize, ongoingBatchSize, supportsWebhooks, pollIntervalMinutes
    }

    /// A page's record IDs travel in one SQS message, so pages stay far below its 256 KiB.
    static let pageSizeRange = 1...1000
    /// At least once a day.
    static let pollIntervalRange = 1...1440
}
