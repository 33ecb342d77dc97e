import Foundation

extension ExecutionEnvironment {
    /// Ends an invocation: writes Lambda's END and REPORT lines (and the timeout line) and
    /// collects what the invoker receives.
    func finishInvocation(requestID: String, _ end: InvocationEnd) -> EnvironmentInvocationResult {
        guard end != .notDelivered else {
            return EnvironmentInvocationResult(requestID: requestID, end: end, report: nil, logLines: [])
        }
        let now = ContinuousClock.now
        // An invocation that never started (its init failed) is reported from now, with no output.
        var invocation = running.flatMap { $0.requestID == requestID ? $0 : nil }
            ?? RunningInvocation(requestID: requestID, startedAt: now, logLines: [])
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
