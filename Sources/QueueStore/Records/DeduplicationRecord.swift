import GRDB

/// A FIFO deduplication id seen in the last five minutes, kept even after its message is deleted.
struct DeduplicationRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "deduplication"

    var queueId: Int64
    var key: String
    var messageId: String
    var sequenceNumber: String
    var expiresAt: Int64
}
