import Foundation

/// A message in a dead-letter queue, as `queuelab dlq list` shows it: where it came from, when it
/// died, and the receives of its last life.
public struct DeadLetter: Sendable, Equatable {
    public var messageId: String
    public var body: String
    /// The dead-letter queue it is in.
    public var queue: String
    /// The queue whose redrive policy moved it here.
    public var sourceQueue: String
    /// Milliseconds since the epoch.
    public var diedAt: Int64
    /// Receives in its last life, by event source mappings and any other consumer.
    public var receiveCount: Int
    /// Its last life's attempts, oldest first.
    public var attempts: [MessageAttempt]
    public var diagnosis: DeadLetterDiagnosis

    public init(
        messageId: String, body: String, queue: String, sourceQueue: String, diedAt: Int64, receiveCount: Int,
        attempts: [MessageAttempt], diagnosis: DeadLetterDiagnosis
    ) {
        self.messageId = messageId
        self.body = body
        self.queue = queue
        self.sourceQueue = sourceQueue
        self.diedAt = diedAt
        self.receiveCount = receiveCount
        self.attempts = attempts
        self.diagnosis = diagnosis
    }
}

extension DeadLetter: Encodable {
    private enum CodingKeys: String, CodingKey {
        case messageId, body, queue, sourceQueue, diedAt, receiveCount, attempts, diagnosis
    }

    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, attempts: attempts)
    }

    /// The dead letter's keys, with `attempts` in place of its last life's (`dlq show` gives all).
    func encode(to encoder: any Encoder, attempts: [MessageAttempt]) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(body, forKey: .body)
        try container.encode(queue, forKey: .queue)
        try container.encode(sourceQueue, forKey: .sourceQueue)
        try container.encode(StoreTime.iso8601(diedAt), forKey: .diedAt)
        try container.encode(receiveCount, forKey: .receiveCount)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(diagnosis, forKey: .diagnosis)
    }
}
