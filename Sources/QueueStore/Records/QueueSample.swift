import GRDB

/// One queue at one moment of a run: its depth, and its `QueueActivity` counters since the run
/// started. The report charts depth from these and takes the last one's counters.
public struct QueueSample: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "queue_sample"

    public var runId: Int64
    /// Milliseconds since the epoch.
    public var at: Int64
    public var queueName: String
    public var visible: Int
    public var inFlight: Int
    public var delayed: Int
    /// Age of the oldest message, in milliseconds; `nil` when the queue is empty.
    public var oldestMessageAge: Int64?
    public var sent: Int
    public var received: Int
    public var deleted: Int
    public var deadLettered: Int
    public var requests: Int

    public init(runId: Int64, at: Int64, queueName: String, counts: QueueCounts, oldestMessageAge: Int64?, activity: QueueActivity) {
        self.runId = runId
        self.at = at
        self.queueName = queueName
        visible = counts.visible
        inFlight = counts.inFlight
        delayed = counts.delayed
        self.oldestMessageAge = oldestMessageAge
        sent = activity.sent
        received = activity.received
        deleted = activity.deleted
        deadLettered = activity.deadLettered
        requests = activity.requests
    }

    public var activity: QueueActivity {
        QueueActivity(sent: sent, received: received, deleted: deleted, deadLettered: deadLettered, requests: requests)
    }

    public enum Columns {
        public static let runId = Column(CodingKeys.runId)
        public static let at = Column(CodingKeys.at)
    }
}
