@testable import ReportCharts
import Testing

@Suite("Event marks: events close together become one mark with a count")
struct EventBucketTests {
    @Test("a burst of thousands of throttles becomes a few marks that add up to it")
    func burst() {
        let throttles = (0..<5_000).map { ChartEvent(seconds: 10 + Double($0) / 10_000, kind: "throttle", label: "worker #\($0 % 7)") }
        let errors = [ChartEvent(seconds: 80, kind: "error", label: "timeout"), ChartEvent(seconds: 3, kind: "error", label: "OOM")]
        let buckets = EventBucket.group(errors + throttles, domain: 0...100, bucketCount: 200)
        let throttleBuckets = buckets.filter { $0.kind == "throttle" }
        #expect(throttleBuckets.count <= 2)
        #expect(throttleBuckets.reduce(0) { $0 + $1.count } == 5_000)
        #expect(throttleBuckets.first?.labels == ["worker #0", "worker #1", "worker #2"])
        // Kinds in order of their first event, the buckets of a kind in time order.
        #expect(buckets.map(\.kind) == ["error", "error"] + Array(repeating: "throttle", count: throttleBuckets.count))
        #expect(buckets.prefix(2).map(\.first) == [3, 80])
    }

    @Test("the tooltip says the kind, the count, when, and the first labels")
    func tooltip() {
        let events = ["a", "b", "a", "c", "d"].enumerated().map { ChartEvent(seconds: 12.5 + Double($0.offset) / 10, kind: "throttle", label: $0.element) }
        let bucket = EventBucket.group(events, domain: 0...100, bucketCount: 10)
        #expect(bucket.map(\.tooltip) == ["throttle ×5, 12.5–12.9 s: a; b; c; …"])
        let single = EventBucket.group([ChartEvent(seconds: 4, kind: "error", label: "")], domain: 0...10, bucketCount: 10)
        #expect(single.map(\.tooltip) == ["error ×1, 4.0 s"])
    }

    @Test("events outside the axis are left out; an event at its end is in the last bucket")
    func outside() {
        let events = [-1.0, 0, 50, 100, 101].map { ChartEvent(seconds: $0, kind: "error", label: "") }
        let buckets = EventBucket.group(events, domain: 0...100, bucketCount: 4)
        #expect(buckets.map(\.count) == [1, 1, 1])
        #expect(buckets.map(\.first) == [0, 50, 100])
    }
}
