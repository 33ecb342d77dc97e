/// How many intervals overlap over time: a function's (or a mapping's) concurrent invocations from
/// their start and end times. Pure; times are milliseconds.
public struct ConcurrencyTimeline: Sendable, Equatable {
    /// The most intervals open at once.
    public let peak: Int
    /// Open intervals averaged over the span: the integral of concurrency over time, divided by it.
    public let mean: Double
    /// The peak within each bucket, as `[seconds since origin, concurrency]`, so a short spike
    /// survives in a chart of a long run.
    public let points: [[Double]]

    /// - Parameters:
    ///   - intervals: start and end of each invocation (an end before its start counts as zero-length).
    ///   - origin: time zero of the series (the run's start).
    ///   - span: the time the mean averages over.
    ///   - bucket: the series' resolution in milliseconds.
    public init(intervals: [(start: Int64, end: Int64)], origin: Int64, span: ClosedRange<Int64>, bucket: Int64) {
        // Ends sort before starts at the same instant: back-to-back invocations do not overlap.
        var changes: [(time: Int64, delta: Int)] = []
        changes.reserveCapacity(intervals.count * 2)
        for interval in intervals {
            changes.append((interval.start, 1))
            changes.append((max(interval.start, interval.end), -1))
        }
        changes.sort { $0.time != $1.time ? $0.time < $1.time : $0.delta < $1.delta }
        var open = 0
        var peak = 0
        var area = 0.0
        var last = span.lowerBound
        let width = max(bucket, 1)
        // Per bucket: the highest level reached in it, and the level it ends with.
        var bucketPeaks: [Int64: Int] = [:]
        var levelsAfter: [Int64: Int] = [:]
        for (time, delta) in changes {
            let clamped = min(max(time, span.lowerBound), span.upperBound)
            area += Double(open) * Double(clamped - last)
            last = clamped
            open += delta
            peak = max(peak, open)
            let key = (time - origin) / width
            bucketPeaks[key] = max(bucketPeaks[key] ?? 0, open)
            levelsAfter[key] = open
        }
        area += Double(open) * Double(span.upperBound - last)
        self.peak = peak
        let length = Double(span.upperBound - span.lowerBound)
        mean = length > 0 ? area / length : 0
        // Between changes the level holds: a bucket without a change keeps the level before it.
        var points: [[Double]] = []
        var level = 0
        for key in 0...max((span.upperBound - origin) / width, 0) {
            points.append([Double(key * width) / 1000, Double(max(bucketPeaks[key] ?? level, level))])
            if let after = levelsAfter[key] { level = after }
        }
        self.points = points
    }
}
