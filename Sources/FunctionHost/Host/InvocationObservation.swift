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
