@testable import FunctionHost
import Testing

@Suite("Deadline schedule of an environment's one watcher")
struct DeadlineScheduleTests {
    typealias Schedule = DeadlineSchedule<Int>

    @Test("with nothing armed the watcher parks; an armed deadline is slept until, then expires once")
    func armAndExpire() {
        var schedule = Schedule()
        #expect(schedule.next(now: 0) == .park)
        schedule.arm(requestID: "r1", deadline: 3000)
        #expect(schedule.next(now: 10) == .sleep(until: 3000))
        #expect(schedule.next(now: 3000) == .expire(requestID: "r1"))
        #expect(schedule.next(now: 3001) == .park)
    }

    @Test("a finished invocation is disarmed; a stale wake-up sleeps on until the current deadline")
    func staleWakeUp() {
        var schedule = Schedule()
        schedule.arm(requestID: "r1", deadline: 3000)
        #expect(schedule.next(now: 0) == .sleep(until: 3000))
        schedule.disarm(requestID: "r1")
        schedule.arm(requestID: "r2", deadline: 4500)
        // The watcher wakes for r1's deadline, which no longer counts.
        #expect(schedule.next(now: 3000) == .sleep(until: 4500))
        #expect(schedule.next(now: 4499) == .sleep(until: 4500))
        #expect(schedule.next(now: 4500) == .expire(requestID: "r2"))
    }

    @Test("disarming an earlier invocation leaves a later one armed")
    func disarmOnlyItsOwn() {
        var schedule = Schedule()
        schedule.arm(requestID: "r2", deadline: 5000)
        schedule.disarm(requestID: "r1")
        #expect(schedule.next(now: 5000) == .expire(requestID: "r2"))
    }

    @Test("stopping ends the watcher, armed or not")
    func stop() {
        var schedule = Schedule()
        schedule.arm(requestID: "r1", deadline: 3000)
        schedule.stop()
        #expect(schedule.next(now: 4000) == .stop)
        schedule.arm(requestID: "r2", deadline: 6000)
        #expect(schedule.next(now: 0) == .stop)
    }
}
