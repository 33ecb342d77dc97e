/// A warm run's figures, as one `key=value` line from the client to the driver: for each request
/// kind the median and p99 latency and the client's CPU time per request, in nanoseconds.
public struct WarmReport: Sendable {
    public private(set) var values: [String: UInt64] = [:]

    public init() {}

    /// Parses a line `line` wrote; nil when a figure is missing.
    public init?(line: String) {
        for field in line.split(separator: " ") {
            let parts = field.split(separator: "=")
            guard parts.count == 2, let value = UInt64(parts[1]) else { return nil }
            values[String(parts[0])] = value
        }
        for kind in RequestKind.allCases {
            guard median(kind) != nil, p99(kind) != nil, cpuPerRequest(kind) != nil else { return nil }
        }
    }

    public mutating func add(_ kind: RequestKind, _ latency: LatencySummary, cpuPerRequest: UInt64) {
        values["\(kind.rawValue)_median_ns"] = latency.median
        values["\(kind.rawValue)_p99_ns"] = latency.p99
        values["\(kind.rawValue)_cpu_ns"] = cpuPerRequest
    }

    public func median(_ kind: RequestKind) -> UInt64? { values["\(kind.rawValue)_median_ns"] }
    public func p99(_ kind: RequestKind) -> UInt64? { values["\(kind.rawValue)_p99_ns"] }
    public func cpuPerRequest(_ kind: RequestKind) -> UInt64? { values["\(kind.rawValue)_cpu_ns"] }

    public var line: String {
        values.keys.sorted().map { "\($0)=\(values[$0] ?? 0)" }.joined(separator: " ")
    }
}
