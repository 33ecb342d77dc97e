/// Counts concurrent executions per function against reserved concurrency and the account's
/// unreserved pool. Pure bookkeeping: the host asks before it runs an invocation and tells it
/// when the invocation ends.
struct ConcurrencyLedger: Sendable, Equatable {
    private(set) var inFlight: [String: Int] = [:]
    private(set) var unreservedInFlight = 0
    private let reserved: [String: Int]
    private let unreservedLimit: Int

    /// - Parameter reserved: reserved concurrency per function that has one.
    init(reserved: [String: Int], unreservedLimit: Int) {
        self.reserved = reserved
        self.unreservedLimit = unreservedLimit
    }

    enum Admission: Equatable {
        case admitted
        case throttled(ThrottleReason)
    }

    mutating func admit(_ function: String) -> Admission {
        let running = inFlight[function, default: 0]
        if let limit = reserved[function] {
            guard running < limit else { return .throttled(.reservedFunctionConcurrentInvocationLimitExceeded) }
        } else {
            guard unreservedInFlight < unreservedLimit else { return .throttled(.concurrentInvocationLimitExceeded) }
            unreservedInFlight += 1
        }
        inFlight[function] = running + 1
        return .admitted
    }

    mutating func release(_ function: String) {
        guard let running = inFlight[function], running > 0 else {
            preconditionFailure("released \(function) without a matching admit")
        }
        inFlight[function] = running - 1
        if reserved[function] == nil { unreservedInFlight -= 1 }
    }

    func concurrentExecutions(of function: String) -> Int { inFlight[function, default: 0] }
}
