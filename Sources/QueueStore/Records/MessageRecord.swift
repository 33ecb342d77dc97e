import Foundation
import GRDB

/// One message as stored. Times are absolute milliseconds so a restart honours every deadline.
struct MessageRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "message"

    var id: Int64?
    var queueId: Int64
    var messageId: String
    var body: String
    var md5OfBody: String
    var messageAttributes: [String: MessageAttributeValue]?
    var md5OfMessageAttributes: String?
    var awsTraceHeader: String?
    var senderId: String
    var sentAt: Int64
    var visibleAt: Int64
    var receiveCount: Int = 0
    var firstReceivedAt: Int64?
    /// When the receive that issued the current receipt happened: the 12-hour visibility cap counts from it.
    var receivedAt: Int64?
    var receiptNonce: String?
    var groupId: String?
    var deduplicationId: String?
    var sequenceNumber: String?
    var deadLetterSourceArn: String?
    var lastAttemptId: Int64?
    var deadLetteredAt: Int64?
    var deadLetterAttemptId: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Read column by column, as every delivered message is (see `QueueRecord.init(row:)`).
    init(row: Row) throws {
        id = row["id"]
        queueId = row["queueId"]
        messageId = row["messageId"]
        body = row["body"]
        md5OfBody = row["md5OfBody"]
        messageAttributes = try (row["messageAttributes"] as String?).map {
            try JSONDecoder().decode([String: MessageAttributeValue].self, from: Data($0.utf8))
        }
        md5OfMessageAttributes = row["md5OfMessageAttributes"]
        awsTraceHeader = row["awsTraceHeader"]
        senderId = row["senderId"]
        sentAt = row["sentAt"]
        visibleAt = row["visibleAt"]
        receiveCount = row["receiveCount"]
        firstReceivedAt = row["firstReceivedAt"]
        receivedAt = row["receivedAt"]
        receiptNonce = row["receiptNonce"]
        groupId = row["groupId"]
        deduplicationId = row["deduplicationId"]
        sequenceNumber = row["sequenceNumber"]
        deadLetterSourceArn = row["deadLetterSourceArn"]
        lastAttemptId = row["lastAttemptId"]
        deadLetteredAt = row["deadLetteredAt"]
        deadLetterAttemptId = row["deadLetterAttemptId"]
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let queueId = Column(CodingKeys.queueId)
        static let sentAt = Column(CodingKeys.sentAt)
        static let visibleAt = Column(CodingKeys.visibleAt)
        static let receiveCount = Column(CodingKeys.receiveCount)
    }
}
