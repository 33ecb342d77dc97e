import Foundation
import QueueStore

/// One life of a message: from when it was sent (or redriven) until a redrive policy moved it to a
/// dead-letter queue (or until now). A redriven message keeps its id, so all its attempts are in
/// one history; its dead-letter moves and redrives split them into lives.
public struct MessageLife: Sendable, Equatable {
    /// A move between queues at a time (milliseconds since the epoch).
    public struct Move: Sendable, Equatable, Encodable {
        public var at: Int64
        public var from: String
        public var to: String

        public init(at: Int64, from: String, to: String) {
            self.at = at
            self.from = from
            self.to = to
        }

        private enum CodingKeys: String, CodingKey {
            case at, from, to
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(StoreTime.iso8601(at), forKey: .at)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        }
    }

    /// 1 for the life that began when the message was sent.
    public var index: Int
    /// The redrive that began this life; `nil` for the first.
    public var redriven: Move?
    public var attempts: [MessageAttempt]
    /// The move to a dead-letter queue that ended it; `nil` while it lasts.
    public var deadLettered: Move?

    public init(index: Int, redriven: Move? = nil, attempts: [MessageAttempt] = [], deadLettered: Move? = nil) {
        self.index = index
        self.redriven = redriven
        self.attempts = attempts
        self.deadLettered = deadLettered
    }

    /// Splits a message's attempts (oldest first) into lives by its events (oldest first). A
    /// dead-letter move names the last attempt that carried the message, so the split is exact
    /// however close in time the attempts and moves are; one without attempt (no mapping received
    /// the message in that life) ends a life without attempts.
    public static func lives(
        attempts: [(attempt: DeliveryAttempt, status: DeliveredMessageStatus)], events: [MessageEvent],
        functionTimeout: (DeliveryAttempt) -> Int?
    ) -> [MessageLife] {
        var lives = [MessageLife(index: 1)]
        var remaining = attempts[...]
        func take(through attemptId: Int64?) {
            guard let attemptId else { return }
            let index = lives.count - 1
            let taken = remaining.prefix { ($0.attempt.id ?? 0) <= attemptId }
            remaining = remaining.dropFirst(taken.count)
            lives[index].attempts += taken.map {
                MessageAttempt($0.attempt, status: $0.status, life: index + 1, functionTimeout: functionTimeout($0.attempt))
            }
        }
        for event in events {
            switch event.kind {
            case .deadLettered:
                take(through: event.attemptId)
                lives[lives.count - 1].deadLettered = Move(at: event.at, from: event.fromQueue, to: event.toQueue)
            case .redriven:
                lives.append(MessageLife(index: lives.count + 1, redriven: Move(at: event.at, from: event.fromQueue, to: event.toQueue)))
            }
        }
        take(through: .max)
        return lives
    }
}
