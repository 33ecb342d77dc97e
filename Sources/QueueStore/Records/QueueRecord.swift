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

    /// Name of the dead-letter queue: the last component of its ARN.
    public var deadLetterQueueName: String {
        String(deadLetterTargetArn.split(separator: ":", omittingEmptySubsequences: false).last ?? "")
    }
}
