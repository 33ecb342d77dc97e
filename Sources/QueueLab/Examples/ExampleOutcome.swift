import QueueStore

/// What happened in one example run, from the queues and the recorded delivery attempts.
public struct ExampleOutcome: Sendable {
    public struct QueueResult: Sendable, Equatable {
        public let name: String
        public let sent: Int
        /// Deleted after a successful invocation (or filtered out).
        public let processed: Int
        public let deadLettered: Int
        /// The redrive policy's target and count, if any.
        public let deadLetterQueue: String?
        public let maxReceiveCount: Int?
    }

    public struct FunctionResult: Sendable, Equatable {
        public let name: String
        public let attempts: [DeliveryOutcome: Int]
        /// Times the function refused a batch for lack of concurrency.
        public let throttles: Int
        public let coldStarts: Int
    }

    /// One sent message's fate and every attempt that carried it.
    public struct MessageStory: Sendable {
        public enum Fate: Sendable, Equatable {
            case processed
            case deadLettered(queue: String)
        }

        public let messageId: String
        public let body: String
        public let queue: String
        public let fate: Fate
        public let history: [(attempt: DeliveryAttempt, status: DeliveredMessageStatus)]
    }

    public let scenario: ExampleScenario
    /// From the first message sent until every source queue was empty.
    public let elapsed: Duration
    /// When the first message was sent (the store's clock), for relative times.
    public let startedAt: Int64
    public let queues: [QueueResult]
    public let functions: [FunctionResult]
    public let messages: [MessageStory]
    /// Where the run's function logs are.
    public let logDirectory: String

    /// Every attempt that carried a sent message, in the order they started.
    public var attempts: [DeliveryAttempt] {
        var seen: [Int64: DeliveryAttempt] = [:]
        for story in messages {
            for entry in story.history { seen[entry.attempt.id ?? 0] = entry.attempt }
        }
        return seen.keys.sorted().compactMap { seen[$0] }
    }
}
