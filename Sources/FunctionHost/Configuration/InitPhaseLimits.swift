/// How long an environment's init phase (spawn until the runtime's first `next`) may run, as
/// Lambda limits it: on demand a fixed limit; provisioned environments get the longer of theirs
/// and the function's timeout.
struct InitPhaseLimits: Sendable, Equatable {
    let onDemand: Duration
    let provisioned: Duration

    func limit(for kind: ExecutionEnvironment.Kind, functionTimeout: Double) -> Duration {
        switch kind {
        case .onDemand: onDemand
        case .provisioned: max(provisioned, .milliseconds(Int64(functionTimeout * 1000)))
        }
    }
}
