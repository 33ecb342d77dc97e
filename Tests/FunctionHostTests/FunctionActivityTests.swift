@testable import FunctionHost
import Testing

@Suite("A function's activity: CloudWatch's counters and its recent durations")
struct FunctionActivityTests {
    static func result(_ outcome: InvocationResult.Outcome, milliseconds: Int, cold: Bool = false) -> InvocationResult {
        InvocationResult(
            requestID: "r", outcome: outcome, payload: [], duration: .milliseconds(milliseconds),
            initDuration: cold ? .milliseconds(80) : nil)
    }

    @Test("invocations, cold starts, errors, timeouts and throttles are counted as CloudWatch counts them")
    func counters() {
        var activity = FunctionActivity()
        let start = ContinuousClock.now
        activity.record(Self.result(.succeeded, milliseconds: 10, cold: true), endedAt: start)
        activity.record(Self.result(.functionError, milliseconds: 20), endedAt: start)
        activity.record(Self.result(.timedOut, milliseconds: 3_000), endedAt: start)
        activity.recordThrottle()
        #expect(activity.invocations == 3 && activity.coldStarts == 1 && activity.errors == 2 && activity.timeouts == 1)
        #expect(activity.throttles == 1, "a throttled request is not an invocation")
    }

    @Test("percentiles cover only invocations that ended within the window")
    func percentiles() {
        var activity = FunctionActivity()
        let start = ContinuousClock.now
        activity.record(Self.result(.succeeded, milliseconds: 1_000), endedAt: start)
        for milliseconds in 1...100 {
            activity.record(Self.result(.succeeded, milliseconds: milliseconds), endedAt: start + .seconds(20))
        }
        let now = start + .seconds(25)
        #expect(activity.durationPercentile(0.5, within: .seconds(10), now: now) == .milliseconds(50))
        #expect(activity.durationPercentile(0.99, within: .seconds(10), now: now) == .milliseconds(99))
        #expect(activity.durationPercentile(0.99, within: .seconds(30), now: now) == .milliseconds(100))
        #expect(activity.durationPercentile(0.5, within: .seconds(1), now: now) == nil)
    }

    @Test("a reader gets each duration once through its cursor, even after the ring wraps")
    func cursor() {
        var activity = FunctionActivity()
        let now = ContinuousClock.now
        for milliseconds in 1...3 { activity.record(Self.result(.succeeded, milliseconds: milliseconds), endedAt: now) }
        #expect(activity.durations(after: 0) == [.milliseconds(1), .milliseconds(2), .milliseconds(3)])
        let cursor = activity.recordedDurations
        let more = FunctionActivity.recentCapacity + 5
        for milliseconds in 1...more { activity.record(Self.result(.succeeded, milliseconds: milliseconds), endedAt: now) }
        let fresh = activity.durations(after: cursor)
        #expect(fresh.count == FunctionActivity.recentCapacity, "at most the ring's capacity")
        #expect(fresh.first == .milliseconds(6) && fresh.last == .milliseconds(more), "the newest, oldest first")
        #expect(activity.durations(after: activity.recordedDurations).isEmpty)
    }
}
