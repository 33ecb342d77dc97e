/// How an integration's syncs page: its `syncConfig` in integration.json.
public struct SyncSettings: Sendable, Equatable {
    public var reverseChronological: Bool
    public var initialBatchSize: Int
    public var ongoingBatchSize: Int

    public init(reverseChronological: Bool = true, initialBatchSize: Int = 100, ongoingBatchSize: Int = 50) {
        self.reverseChronological = reverseChronological
        self.initialBatchSize = initialBatchSize
        self.ongoingBatchSize = ongoingBatchSize
    }
}
