/// What happened to one queue since the store opened: the counters the live view, `/metrics`
/// and the run report read. Kept in memory and sampled; a sample is persisted every second.
public struct QueueActivity: Sendable, Equatable, Codable {
    /// Messages accepted by SendMessage or SendMessageBatch, and redriven into the queue.
    public var sent = 0
    /// Deliveries (a message received twice counts twice, as CloudWatch's NumberOfMessagesReceived).
    public var received = 0
    public var deleted = 0
    /// Messages this queue moved to its dead-letter queue.
    public var deadLettered = 0
    /// Sends, receives, deletes and visibility changes: the API requests AWS bills.
    public var requests = 0

    public init(sent: Int = 0, received: Int = 0, deleted: Int = 0, deadLettered: Int = 0, requests: Int = 0) {
        self.sent = sent
        self.received = received
        self.deleted = deleted
        self.deadLettered = deadLettered
        self.requests = requests
    }
}
