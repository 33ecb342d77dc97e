/// The `INIT_REPORT` line Lambda writes when an init phase does not end in the runtime's first
/// `next`: `INIT_REPORT Init Duration: 10337.01 ms\tPhase: init\tStatus: timeout`.
struct InitReport: Sendable, Equatable {
    enum Phase: String, Sendable {
        /// The environment's own init, before any invocation.
        case initialisation = "init"
        /// Init retried inside the first invocation (a "suppressed init"), on its timeout.
        case invocation = "invoke"
    }

    enum Status: Sendable, Equatable {
        case timeout
        case error(type: String)
    }

    let duration: Duration
    let phase: Phase
    let status: Status

    var line: String {
        var fields = ["INIT_REPORT Init Duration: \(InvocationReport.milliseconds(duration)) ms", "Phase: \(phase.rawValue)"]
        switch status {
        case .timeout: fields.append("Status: timeout")
        case .error(let type): fields += ["Status: error", "Error Type: \(type)"]
        }
        return fields.joined(separator: "\t")
    }
}
