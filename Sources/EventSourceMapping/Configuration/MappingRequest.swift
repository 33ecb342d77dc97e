/// A mapping as a manifest declares it, before AWS's rules are applied: what
/// `MappingConfiguration.validated(_:)` checks.
public struct MappingRequest: Sendable, Equatable {
    /// Where the manifest declares it, for errors (`functions.worker.events[0].sqs`).
    public var key: String
    public var functionName: String
    /// The function's timeout in seconds; it must fit in the queue's visibility timeout.
    public var functionTimeout: Double
    public var queue: QueueFacts
    public var options: MappingOptions

    /// What validation needs to know of the queue.
    public struct QueueFacts: Sendable, Equatable {
        public var name: String
        public var arn: String
        public var isFifo: Bool
        public var visibilityTimeout: Int

        public init(name: String, arn: String, isFifo: Bool, visibilityTimeout: Int) {
            self.name = name
            self.arn = arn
            self.isFifo = isFifo
            self.visibilityTimeout = visibilityTimeout
        }
    }

    public init(key: String, functionName: String, functionTimeout: Double, queue: QueueFacts, options: MappingOptions = MappingOptions()) {
        self.key = key
        self.functionName = functionName
        self.functionTimeout = functionTimeout
        self.queue = queue
        self.options = options
    }
}
