/// A partial batch response: the messages listed stay on the queue, the rest are deleted
/// (requires `ReportBatchItemFailures` on the event source mapping).
public struct SQSBatchResponse: Codable, Sendable, Equatable {
    public var batchItemFailures: [ItemFailure]

    public init(batchItemFailures: [ItemFailure] = []) { self.batchItemFailures = batchItemFailures }

    /// Lists the given message ids as failed.
    public init(failedMessageIDs: [String]) {
        self.batchItemFailures = failedMessageIDs.map(ItemFailure.init(itemIdentifier:))
    }

    public struct ItemFailure: Codable, Sendable, Equatable {
        public var itemIdentifier: String
        public init(itemIdentifier: String) { self.itemIdentifier = itemIdentifier }
    }
}
