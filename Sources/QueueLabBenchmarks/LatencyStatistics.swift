import Foundation
import Primitives

/// Median and 99th percentile of measured durations.
public struct LatencyStatistics: Sendable, CustomStringConvertible {
    public let samples: Int
    public let median: Duration
    public let p99: Duration

    init(_ durations: [Duration]) {
        let sorted = durations.sorted()
        samples = sorted.count
        median = sorted.isEmpty ? .zero : sorted[sorted.count / 2]
        p99 = sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    }

    public var description: String {
        "median \(Self.milliseconds(median)) ms, p99 \(Self.milliseconds(p99)) ms (\(samples) samples)"
    }

    /// Milliseconds with microsecond precision, e.g. `0.284`.
    public static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.3f", Double(duration.wholeMicroseconds) / 1000)
    }
}
