import CRMSync
import Testing

@Suite("When a failed sync message comes back")
struct RetryBackoffTests {
    @Test func doublesFromFiveSecondsUpToFiveMinutes() {
        #expect((1...9).map { RetryBackoff.seconds(afterReceive: $0) } == [5, 10, 20, 40, 80, 160, 300, 300, 300])
        #expect(RetryBackoff.seconds(afterReceive: 0) == 5)
        #expect(RetryBackoff.seconds(afterReceive: 1000) == 300)
    }
}
