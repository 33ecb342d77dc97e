/// What an environment hands back for one invocation: how it ended, the REPORT figures, and
/// the invocation's log lines (for `LogType: Tail`).
struct EnvironmentInvocationResult: Sendable {
    let requestID: String
    let end: InvocationEnd
    let report: InvocationReport?
    let logLines: [String]
}
