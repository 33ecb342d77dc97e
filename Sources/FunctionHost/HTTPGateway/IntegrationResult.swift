/// What an invocation gave the gateway to answer with.
enum IntegrationResult: Equatable {
    /// The function returned this payload.
    case returned([UInt8])
    /// The function ran and failed: an error, a timeout, a crash, out of memory.
    case functionFailed
    /// Lambda refused to run it (throttled, payload too large, the host stopping).
    case refused

    init(_ result: InvocationResult) {
        self = result.outcome == .succeeded ? .returned(result.payload) : .functionFailed
    }
}
