import Foundation
import GRDB

/// One queue: its identity and every attribute SQS lets a client set, as stored.
public struct QueueRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "queue"

    public var id: Int64?
    public var name: String
    public var accountId: String
    public var region: String
    public var createdAt: Int64
    public var lastModifiedAt: Int64
    public var delaySeconds: Int = 0
    public var maximumMessageSize: Int = 1_048_576
    public var messageRetentionPeriod: Int = 345_600
    public var receiveMessageWaitTimeSeconds: Int = 0
    public var visibilityTimeout: Int = 30
    public var redrivePolicy: RedrivePolicy?
    public var redriveAllowPolicy: String?
    public var policy: String?
    public var fifoQueue: Bool = false
    public var contentBasedDeduplication: Bool = false
    public var deduplicationScope: String?
    public var fifoThroughputLimit: String?
    public var kmsMasterKeyId: String?
    public var kmsDataKeyReusePeriodSeconds: Int?
    public var sqsManagedSseEnabled: Bool = true
    public var tags: [String: String] = [:]
    public var lastPurgedAt: Int64?
    public var lastSequenceNumber: Int64 = 0

    public var arn: String { "arn:aws:sqs:\(region):\(accountId):\(name)" }

    /// The queue name an ARN ends with (`arn:aws:sqs:<region>:<account>:<name>`).
    public static func name(fromARN arn: String) -> String {
        String(arn.split(separator: ":", omittingEmptySubsequences: false).last ?? "")
    }

    init(name: String, accountId: String, region: String, createdAt: Int64, lastModifiedAt: Int64) {
        self.name = name
        self.accountId = accountId
        self.region = region
        self.createdAt = createdAt
        self.lastModifiedAt = lastModifiedAt
    }

    /// Read column by column: every request looks its queue up, and generic Codable decoding
    /// (with two JSON columns) was a measurable share of a SendMessage.
    public init(row: Row) throws {
        let decoder = JSONDecoder()
        id = row["id"]
        name = row["name"]
        accountId = row["accountId"]
        region = row["region"]
        createdAt = row["createdAt"]
        lastModifiedAt = row["lastModifiedAt"]
        delaySeconds = row["delaySeconds"]
        maximumMessageSize = row["maximumMessageSize"]
        messageRetentionPeriod = row["messageRetentionPeriod"]
        receiveMessageWaitTimeSeconds = row["receiveMessageWaitTimeSeconds"]
        visibilityTimeout = row["visibilityTimeout"]
        redrivePolicy = try (row["redrivePolicy"] as String?).map { try decoder.decode(RedrivePolicy.self, from: Data($0.utf8)) }
        redriveAllowPolicy = row["redriveAllowPolicy"]
        policy = row["policy"]
        fifoQueue = row["fifoQueue"]
        contentBasedDeduplication = row["contentBasedDeduplication"]
        deduplicationScope = row["deduplicationScope"]
        fifoThroughputLimit = row["fifoThroughputLimit"]
        kmsMasterKeyId = row["kmsMasterKeyId"]
        kmsDataKeyReusePeriodSeconds = row["kmsDataKeyReusePeriodSeconds"]
        sqsManagedSseEnabled = row["sqsManagedSseEnabled"]
        let tagsJSON: String = row["tags"]
        tags = tagsJSON == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(tagsJSON.utf8))
        lastPurgedAt = row["lastPurgedAt"]
        lastSequenceNumber = row["lastSequenceNumber"]
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The parsed `RedrivePolicy` attribute.
public struct RedrivePolicy: Codable, Sendable, Equatable {
    public var deadLetterTargetArn: String
    public var maxReceiveCount: Int

    public init(deadLetterTargetArn: String, maxReceiveCount: Int) {
        self.deadLetterTargetArn = deadLetterTargetArn
        self.maxReceiveCount = maxReceiveCount
    }

    /// The attribute's value as SQS returns it: `{"deadLetterTargetArn":"…","maxReceiveCount":5}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Two plain fields: encoding cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Name of the dead-letter queue: the last component of its ARN.
    public var deadLetterQueueName: String {
        QueueRecord.name(fromARN: deadLetterTargetArn)
    }
}
