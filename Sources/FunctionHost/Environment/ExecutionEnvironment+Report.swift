import Foundation

extension ExecutionEnvironment {
    /// Ends an invocation: writes Lambda's END and REPORT lines (and the timeout line) and
    /// collects what the invoker receives.
    func finishInvocation(requestID: String, _ end: InvocationEnd) -> EnvironmentInvocationResult {
        guard end != .notDelivered else {
            return EnvironmentInvocationResult(requestID: requestID, end: end, report: nil, logLines: [])
        }
        let now = ContinuousClock.now
        // An invocation that never started (its init failed) is reported from now, with no output;
        // one whose retried init failed has started, but the runtime never received it.
        var invocation: RunningInvocation
        if var started = running.flatMap({ $0.requestID == requestID ? $0 : nil }) {
            announce(&started)
            invocation = started
        } else {
            invocation = RunningInvocation(requestID: requestID, startedAt: now, deadlineMilliseconds: 0, announced: true)
        }
        running = nil
        let reportsInit = kind == .onDemand && !initDurationReported
        if reportsInit { initDurationReported = true }
        let report = InvocationReport(
            requestID: requestID, duration: now - invocation.startedAt, memorySizeMB: settings.function.memorySize,
            maxMemoryUsedMB: peakMemory?.megabytes() ?? 0,
            initDuration: reportsInit ? (initDuration ?? now - launchedAt) : nil, status: end.reportStatus)
        var platformLines: [String] = []
        if case .timedOut(let seconds) = end {
            platformLines.append("\(FunctionLog.timestamp()) \(requestID) Task timed out after \(String(format: "%.2f", seconds)) seconds")
        }
        platformLines += [report.endLine, report.reportLine]
        log.write(platformLines)
        invocation.logLines += platformLines
        return EnvironmentInvocationResult(requestID: requestID, end: end, report: report, logLines: invocation.logLines)
    }
}
