/// The platform lines Lambda writes around each invocation.
struct InvocationReport: Sendable, Equatable {
    let requestID: String
    let duration: Duration
    let memorySizeMB: Int
    let maxMemoryUsedMB: Int
    /// Only on the first invocation of an on-demand environment (a cold start).
    let initDuration: Duration?
    /// `Status: timeout`, `Status: error\tError Type: …`, or empty.
    let status: String

    static func startLine(requestID: String) -> String {
        "START RequestId: \(requestID) Version: $LATEST"
    }

    var endLine: String { "END RequestId: \(requestID)" }

    /// `REPORT RequestId: …\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB\t…`
    var reportLine: String {
        var fields = [
            "REPORT RequestId: \(requestID)",
            "Duration: \(Self.milliseconds(duration)) ms",
            "Billed Duration: \(billedMilliseconds) ms",
            "Memory Size: \(memorySizeMB) MB",
            "Max Memory Used: \(maxMemoryUsedMB) MB",
        ]
        if let initDuration { fields.append("Init Duration: \(Self.milliseconds(initDuration)) ms") }
        if !status.isEmpty { fields.append(status) }
        return fields.joined(separator: "\t") + "\t"
    }

    /// Lambda bills in whole milliseconds, rounded up, at least 1 ms.
    var billedMilliseconds: Int {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return max(1, Int((microseconds + 999) / 1000))
    }

    /// `12.35`: milliseconds rounded to two decimals, as `%.2f` prints them.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = (seconds * 1_000_000_000 + attoseconds / 1_000_000_000 + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
