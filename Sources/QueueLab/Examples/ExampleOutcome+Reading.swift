import QueueStore

extension ExampleOutcome {
    /// Gathers the outcome once the run has settled.
    static func read(
        scenario: ExampleScenario, sent: [(queue: String, messageId: String, body: String)], functions: [String],
        store: QueueStore, startedAt: Int64, elapsed: Duration, logDirectory: String
    ) async throws -> ExampleOutcome {
        var deadLetters: [String: String] = [:]  // message id → dead-letter queue
        var queues: [QueueResult] = []
        for name in Array(Set(sent.map(\.queue))).sorted() {
            let queue = try await store.queue(named: name)
            let ids = Set(sent.filter { $0.queue == name }.map(\.messageId))
            var deadLettered = 0
            if let policy = queue.redrivePolicy {
                for message in try await store.storedMessages(inQueue: policy.deadLetterQueueName, limit: 100_000)
                where ids.contains(message.messageId) && message.deadLetterMove?.sourceQueueARN == queue.arn {
                    deadLetters[message.messageId] = policy.deadLetterQueueName
                    deadLettered += 1
                }
            }
            let remaining = try await store.storedMessages(inQueue: name, limit: 100_000).filter { ids.contains($0.messageId) }.count
            queues.append(QueueResult(
                name: name, sent: ids.count, processed: ids.count - deadLettered - remaining, deadLettered: deadLettered,
                deadLetterQueue: queue.redrivePolicy?.deadLetterQueueName, maxReceiveCount: queue.redrivePolicy?.maxReceiveCount))
        }
        var results: [FunctionResult] = []
        for function in functions {
            let attempts = try await store.deliveryAttempts(function: function)
            results.append(FunctionResult(
                name: function, attempts: Dictionary(grouping: attempts, by: \.outcome).mapValues(\.count),
                throttles: attempts.reduce(0) { $0 + $1.throttles }, coldStarts: attempts.filter(\.coldStart).count))
        }
        var stories: [MessageStory] = []
        for message in sent {
            let fate: MessageStory.Fate = deadLetters[message.messageId].map { .deadLettered(queue: $0) } ?? .processed
            stories.append(MessageStory(
                messageId: message.messageId, body: message.body, queue: message.queue, fate: fate,
                history: try await store.deliveryHistory(ofMessage: message.messageId)))
        }
        return ExampleOutcome(
            scenario: scenario, elapsed: elapsed, startedAt: startedAt, queues: queues, functions: results, messages: stories,
            logDirectory: logDirectory)
    }
}
