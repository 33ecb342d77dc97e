/// What `examples/<name>/scenario.json` says: what to send, and what the example shows.
public struct ExampleScenario: Decodable, Sendable {
    /// Messages for one queue, in order.
    public struct Sending: Decodable, Sendable {
        public let queue: String
        public let bodies: [String]
        /// The message group of every message (FIFO queues).
        public let groupId: String?
        /// Send them in one SendMessageBatch rather than one by one.
        public let batch: Bool?
    }

    public let title: String
    public let summary: String
    public let send: [Sending]
    /// Printed after the numbers.
    public let explanation: [String]
    /// How long the run may take before it is called stuck.
    public let timeoutSeconds: Int?
}
