/// What one function did since the host started: the counters the live view and `/metrics` read,
/// named after Lambda's CloudWatch metrics, and the durations of its latest invocations. Pure:
/// the host records into it, readers take copies.
public struct FunctionActivity: Sendable {
    /// How many recent durations it keeps: enough for a 10-second percentile at thousands of
    /// invocations a second without sorting a long history on every redraw.
    static let recentCapacity = 8192

    /// Invocations that ran (throttled requests are not invocations, as in CloudWatch).
    public private(set) var invocations = 0
    public private(set) var coldStarts = 0
    /// Invoke requests refused for lack of concurrency.
    public private(set) var throttles = 0
    /// Invocations that ended in any failure.
    public private(set) var errors = 0
    public private(set) var timeouts = 0
    /// Durations ever recorded: a reader's cursor for `durations(after:)`.
    public private(set) var recordedDurations = 0
    /// The latest durations with when each invocation ended, oldest first (a ring once full).
    private var recent: [(endedAt: ContinuousClock.Instant, duration: Duration)] = []

    public init() {}

    mutating func recordThrottle() {
        throttles += 1
    }

    mutating func record(_ result: InvocationResult, endedAt: ContinuousClock.Instant) {
        invocations += 1
        if result.initDuration != nil { coldStarts += 1 }
        if result.outcome != .succeeded { errors += 1 }
        if result.outcome == .timedOut { timeouts += 1 }
        guard let duration = result.duration else { return }
        let entry = (endedAt, duration)
        if recent.count < Self.recentCapacity {
            recent.append(entry)
        } else {
            recent[recordedDurations % Self.recentCapacity] = entry
        }
        recordedDurations += 1
    }

    /// The recent durations, oldest first.
    private var chronological: ArraySlice<(endedAt: ContinuousClock.Instant, duration: Duration)> {
        guard recent.count == Self.recentCapacity else { return recent[...] }
        let start = recordedDurations % Self.recentCapacity
        return recent[start...] + recent[..<start]
    }

    /// The `fraction` percentile (0.5, 0.99) of durations of invocations that ended within
    /// `window` before `now`; `nil` when none did.
    public func durationPercentile(_ fraction: Double, within window: Duration, now: ContinuousClock.Instant) -> Duration? {
        let sorted = chronological.filter { now - $0.endedAt <= window }.map(\.duration).sorted()
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// Durations recorded after the reader's `cursor` (a former `recordedDurations`), oldest first;
    /// at most the last `recentCapacity` of them.
    public func durations(after cursor: Int) -> [Duration] {
        let wanted = min(recordedDurations - cursor, recent.count)
        guard wanted > 0 else { return [] }
        return chronological.suffix(wanted).map(\.duration)
    }
}
