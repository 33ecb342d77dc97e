import GRDB

/// A move in a message's life that its delivery attempts do not show: a redrive policy moved it to
/// a dead-letter queue, or a message move task sent it back. `queuelab dlq show` tells a message's
/// lives apart by them.
public struct MessageEvent: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "message_event"

    public enum Kind: String, Codable, Sendable, DatabaseValueConvertible {
        case deadLettered
        case redriven
    }

    public var messageId: String
    public var kind: Kind
    /// Milliseconds since the epoch.
    public var at: Int64
    public var fromQueue: String
    public var toQueue: String
    /// For a dead-letter move, the last attempt that carried the message.
    public var attemptId: Int64?

    public init(messageId: String, kind: Kind, at: Int64, fromQueue: String, toQueue: String, attemptId: Int64?) {
        self.messageId = messageId
        self.kind = kind
        self.at = at
        self.fromQueue = fromQueue
        self.toQueue = toQueue
        self.attemptId = attemptId
    }

    public enum Columns {
        public static let messageId = Column(CodingKeys.messageId)
        public static let at = Column(CodingKeys.at)
    }
}
