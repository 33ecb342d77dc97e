@testable import Observability
import Testing

@Suite("Concurrency over time from invocations' start and end")
struct ConcurrencyTimelineTests {
    @Test("back-to-back invocations do not overlap; overlapping ones add up")
    func peak() {
        let sequential = ConcurrencyTimeline(intervals: [(0, 100), (100, 200), (200, 300)], origin: 0, span: 0...300, bucket: 100)
        #expect(sequential.peak == 1)
        #expect(sequential.mean == 1)
        let overlapping = ConcurrencyTimeline(intervals: [(0, 300), (50, 150), (100, 200)], origin: 0, span: 0...300, bucket: 100)
        #expect(overlapping.peak == 3)
        #expect(abs(overlapping.mean - 5.0 / 3) < 1e-9, "300 + 100 + 100 ms of execution over 300 ms")
    }

    @Test("each bucket keeps its peak, so a short spike survives, and levels hold between changes")
    func buckets() {
        let timeline = ConcurrencyTimeline(
            intervals: [(0, 3_000), (1_200, 1_210), (1_205, 1_215)], origin: 0, span: 0...4_000, bucket: 1_000)
        #expect(timeline.points == [[0, 1], [1, 3], [2, 1], [3, 1], [4, 0]])
    }

    @Test("nothing ran: a flat zero, and a zero mean over an empty span")
    func empty() {
        let timeline = ConcurrencyTimeline(intervals: [], origin: 0, span: 0...0, bucket: 1_000)
        #expect(timeline.peak == 0 && timeline.mean == 0 && timeline.points == [[0, 0]])
    }
}
