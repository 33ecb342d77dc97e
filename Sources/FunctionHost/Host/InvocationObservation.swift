import Foundation

/// One invocation as the host saw it, for whoever keeps a history of them (the runtime records
/// them in its state file). Event source mappings record their own, richer attempts, so the host
/// reports only invocations through the Invoke API and asynchronous ones.
public struct InvocationObservation: Sendable {
    public enum InvocationType: String, Sendable {
        case requestResponse = "RequestResponse"
        case event = "Event"
    }

    public let function: String
    public let invocationType: InvocationType
    public let startedAt: Date
    /// The invocation's result; `nil` when it was throttled.
    public let result: InvocationResult?
    public let throttle: ThrottleReason?
}

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
