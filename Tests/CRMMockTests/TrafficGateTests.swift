import Testing

@testable import CRMMock

@Suite struct TrafficGateTests {
    @Test func theBucketLetsTheBurstThroughThenTheRate() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(limit: RateLimit(requests: 20, per: .second), now: start)
        let burst = (0..<100).map { _ in bucket.take(at: start) }
        #expect(burst.count(where: { $0 == nil }) == 20)
        #expect(burst.last == .milliseconds(50))
        // Half a second refills 10 tokens.
        let later = start.advanced(by: .milliseconds(500))
        #expect((0..<100).count(where: { _ in bucket.take(at: later) == nil }) == 10)
        // Ten seconds refill only up to the bucket's size.
        let muchLater = later.advanced(by: .seconds(10))
        #expect((0..<100).count(where: { _ in bucket.take(at: muchLater) == nil }) == 20)
        // A steady 20/s all gets through.
        var steady = muchLater
        for _ in 0..<200 {
            steady = steady.advanced(by: .milliseconds(50))
            #expect(bucket.take(at: steady) == nil)
        }
    }

    @Test func retryAfterIsWholeSecondsRoundedUp() {
        #expect(TokenBucket.retryAfterSeconds(.milliseconds(50)) == 1)
        #expect(TokenBucket.retryAfterSeconds(.seconds(12)) == 12)
        #expect(TokenBucket.retryAfterSeconds(.milliseconds(12_001)) == 13)
    }

    @Test func errorsAreEvenlySpacedAndAlternate() {
        func failures(_ rate: Double, _ count: Int) -> [Int: Int] {
            var schedule = ErrorSchedule(rate: rate)
            var failed: [Int: Int] = [:]
            for request in 1...count {
                if let status = schedule.next() { failed[request] = Int(status.code) }
            }
            return failed
        }
        #expect(failures(0.05, 100) == [20: 503, 40: 502, 60: 503, 80: 502, 100: 503])
        #expect(failures(0.3, 10) == [4: 503, 7: 502, 10: 503])
        #expect(failures(0, 50).isEmpty)
        #expect(failures(1, 4) == [1: 503, 2: 502, 3: 503, 4: 502])
    }
}
