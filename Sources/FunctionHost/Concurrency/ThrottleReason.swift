/// Why Lambda throttled an invoke (the `Reason` of `TooManyRequestsException`).
public enum ThrottleReason: String, Sendable, Equatable {
    /// The function's reserved concurrency is in use.
    case reservedFunctionConcurrentInvocationLimitExceeded = "ReservedFunctionConcurrentInvocationLimitExceeded"
    /// The account's unreserved pool is in use.
    case concurrentInvocationLimitExceeded = "ConcurrentInvocationLimitExceeded"
}
