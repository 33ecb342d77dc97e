import GRDB

/// A message move task (StartMessageMoveTask) and its progress.
public struct MoveTaskRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "move_task"

    public enum Status: String, Codable, Sendable {
        case running = "RUNNING"
        case completed = "COMPLETED"
        case cancelling = "CANCELLING"
        case cancelled = "CANCELLED"
        case failed = "FAILED"
    }

    public var id: Int64?
    public var handle: String
    public var sourceArn: String
    public var destinationArn: String?
    public var maxNumberOfMessagesPerSecond: Int?
    public var status: Status
    public var startedAt: Int64
    public var lastMessageRowId: Int64
    public var messagesToMove: Int
    public var messagesMoved: Int = 0
    public var failureReason: String?

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Rate used when a task gives none ("system optimized" in AWS).
    static let defaultMessagesPerSecond = 500

    /// How many more messages the task may move at `now` to keep to its rate: one at once, then
    /// `maxNumberOfMessagesPerSecond` for every second since it started.
    func allowance(now: Int64) -> Int {
        let perSecond = Int64(maxNumberOfMessagesPerSecond ?? Self.defaultMessagesPerSecond)
        let due = 1 + max(0, now - startedAt) * perSecond / 1000
        return max(0, Int(due) - messagesMoved)
    }
}
