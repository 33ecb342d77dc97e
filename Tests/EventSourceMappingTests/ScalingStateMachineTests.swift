@testable import EventSourceMapping
import Testing

@Suite("Scaling: five batches, up to 300 more a minute while messages wait, back down when idle")
struct ScalingStateMachineTests {
    @Test("a mapping starts at five concurrent batches")
    func startsAtFive() {
        let machine = ScalingStateMachine(rates: .aws, maximumConcurrency: nil, now: 0)
        #expect(machine.concurrency == 5)
        #expect(machine.ceiling == 1_250)
    }

    @Test("while messages wait it adds at most 300 a minute, five a second, however often it is asked")
    func scaleUpRate() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: nil, now: 0)
        #expect(machine.messagesWaiting(at: 0, running: 0) == 0, "no budget yet at the first instant")
        // Asked every 10 ms for a minute.
        var added = 0
        for tick in 1...6_000 { added += machine.messagesWaiting(at: Int64(tick) * 10, running: 0) }
        #expect(added == 300)
        #expect(machine.concurrency == 305)
    }

    @Test("an idle stretch does not save up a burst: at most one second's worth at once")
    func noBurstAfterIdle() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: nil, now: 0)
        #expect(machine.messagesWaiting(at: 600_000, running: 0) == 5)
        #expect(machine.messagesWaiting(at: 600_001, running: 0) == 0)
    }

    @Test("it never passes the ceiling: AWS's maximum, or maximumConcurrency")
    func ceiling() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: 12, now: 0)
        for second in 1...60 { _ = machine.messagesWaiting(at: Int64(second) * 1000, running: 0) }
        #expect(machine.concurrency == 12)
        var unlimited = ScalingStateMachine(rates: .aws, maximumConcurrency: nil, now: 0)
        for second in 1...600 { _ = unlimited.messagesWaiting(at: Int64(second) * 1000, running: 0) }
        #expect(unlimited.concurrency == 1_250)
    }

    @Test("maximumConcurrency below five is also the floor")
    func lowMaximumConcurrency() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: 2, now: 0)
        #expect(machine.concurrency == 2)
        #expect(machine.messagesWaiting(at: 10_000, running: 0) == 0)
        machine.queueEmpty()
        #expect(machine.concurrency == 2)
    }

    @Test("empty long polls step it back to the floor, one poll at a time")
    func scaleDown() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: nil, now: 0)
        _ = machine.messagesWaiting(at: 1_000, running: 0)
        #expect(machine.concurrency == 10)
        for _ in 0..<3 { machine.queueEmpty() }
        #expect(machine.concurrency == 7)
        for _ in 0..<10 { machine.queueEmpty() }
        #expect(machine.concurrency == 5)
    }

    @Test("a throttle or failure steps back and spends the saved-up budget")
    func backOff() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: nil, now: 0)
        _ = machine.messagesWaiting(at: 2_000, running: 0)
        #expect(machine.concurrency == 10)
        _ = machine.messagesWaiting(at: 2_500, running: 0)  // half a second: 2.5 saved, 2 used
        machine.backOff(at: 2_600)
        #expect(machine.concurrency == 11)
        #expect(machine.messagesWaiting(at: 2_700, running: 0) == 0, "the budget was reset at 2_600: 0.5 since")
        #expect(machine.messagesWaiting(at: 2_800, running: 0) == 1)
    }

    @Test("pollers still finishing after a back-off count against the ceiling")
    func ceilingCountsRunningPollers() {
        var machine = ScalingStateMachine(rates: .aws, maximumConcurrency: 6, now: 0)
        #expect(machine.messagesWaiting(at: 1_000, running: 5) == 1)
        #expect(machine.concurrency == 6)
        machine.backOff(at: 1_000)
        #expect(machine.concurrency == 5, "one poller is to leave once its batch is done")
        #expect(machine.messagesWaiting(at: 3_000, running: 6) == 0, "six still run: none may start")
        #expect(machine.messagesWaiting(at: 4_000, running: 5) == 1)
    }

    @Test("compressed rates scale on a compressed clock")
    func compressedRates() {
        var rates = ScalingRates.aws
        rates.increasePerMinute = 6_000
        var machine = ScalingStateMachine(rates: rates, maximumConcurrency: nil, now: 0)
        #expect(machine.messagesWaiting(at: 100, running: 0) == 10)
        #expect(machine.concurrency == 15)
    }
}

@Suite("A throttled batch is offered again, backing off, while an invocation could end before its visibility timeout")
struct ThrottleRetryTests {
    @Test("waits double from the initial wait up to the maximum")
    func doubling() {
        var retry = ThrottleRetry(rates: .aws, visibleUntil: 60_000, functionTimeout: 1_000)
        #expect(retry.throttled(at: 0) == .retry(at: 250))
        #expect(retry.throttled(at: 250) == .retry(at: 750))
        #expect(retry.throttled(at: 750) == .retry(at: 1_750))
        for _ in 0..<10 { _ = retry.throttled(at: 10_000) }
        #expect(retry.throttled(at: 20_000) == .retry(at: 25_000))
        #expect(retry.throttles == 14)
    }

    @Test("the batch is let go when the next try would come after the visibility timeout")
    func release() {
        var retry = ThrottleRetry(rates: .aws, visibleUntil: 1_000, functionTimeout: 0)
        #expect(retry.throttled(at: 0) == .retry(at: 250))
        #expect(retry.throttled(at: 250) == .retry(at: 750))
        #expect(retry.throttled(at: 750) == .release)
        #expect(retry.throttles == 3)
    }

    @Test("the batch is let go when a function starting at the next try could outlast the visibility timeout")
    func functionTimeoutFits() {
        var retry = ThrottleRetry(rates: .aws, visibleUntil: 3_000, functionTimeout: 2_000)
        #expect(retry.throttled(at: 0) == .retry(at: 250))
        #expect(retry.throttled(at: 250) == .retry(at: 750))
        #expect(retry.throttled(at: 750) == .release, "a try at 1.75 s could run until 3.75 s, after the messages are back")
        var longer = ThrottleRetry(rates: .aws, visibleUntil: 1_000, functionTimeout: 30_000)
        #expect(longer.throttled(at: 0) == .release, "the visibility timeout was lowered below the function's timeout")
    }
}
