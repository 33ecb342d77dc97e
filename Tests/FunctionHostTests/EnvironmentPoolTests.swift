@testable import FunctionHost
import Testing

@Suite("Environment pool")
struct EnvironmentPoolTests {
    final class Member {}

    @Test("takes provisioned environments first, then the most recently used")
    func preference() {
        var pool = EnvironmentPool<Member>()
        let start = ContinuousClock.now
        let older = Member(), newer = Member(), provisioned = Member()
        pool.add(older, provisioned: false, available: true, at: start)
        pool.add(newer, provisioned: false, available: true, at: start + .seconds(1))
        pool.add(provisioned, provisioned: true, available: true, at: start)
        #expect(pool.take() === provisioned)
        #expect(pool.take() === newer)
        #expect(pool.take() === older)
        #expect(pool.take() == nil)
        pool.giveBack(older, at: start + .seconds(2))
        #expect(pool.take() === older)
    }

    @Test("reaps only on-demand environments idle since before the cutoff")
    func reaping() {
        var pool = EnvironmentPool<Member>()
        let start = ContinuousClock.now
        let stale = Member(), fresh = Member(), busy = Member(), provisioned = Member()
        pool.add(stale, provisioned: false, available: true, at: start)
        pool.add(fresh, provisioned: false, available: true, at: start + .seconds(10))
        pool.add(busy, provisioned: false, available: false, at: start)
        pool.add(provisioned, provisioned: true, available: true, at: start)
        let reaped = pool.takeIdle(since: start + .seconds(5))
        #expect(reaped.count == 1 && reaped[0] === stale)
        #expect(pool.count == 3)
        #expect(pool.remove(provisioned) == true)
        #expect(pool.remove(provisioned) == nil)
    }
}
