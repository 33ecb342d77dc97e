/// A message Lambda sends to a queue when it gives up on an asynchronous event: the invocation
/// record for an on-failure destination, or the event itself for a dead-letter queue.
public struct AsyncFailureMessage: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        public let dataType: String
        public let value: String
    }

    public let destinationARN: String
    public let body: String
    public let attributes: [String: Attribute]
}
