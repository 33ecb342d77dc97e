/// The median and the 99th percentile of a run's samples (nearest rank).
public struct LatencySummary: Sendable {
    public let median: UInt64
    public let p99: UInt64

    public init(samples: [UInt64]) {
        let sorted = samples.sorted()
        median = Self.percentile(50, of: sorted)
        p99 = Self.percentile(99, of: sorted)
    }

    /// The nearest-rank percentile of `sorted`; 0 for no samples.
    public static func percentile(_ percent: Int, of sorted: [UInt64]) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = (percent * sorted.count + 99) / 100
        return sorted[max(rank, 1) - 1]
    }
}
