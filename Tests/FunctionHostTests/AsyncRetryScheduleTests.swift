@testable import FunctionHost
import Testing

@Suite("Asynchronous invocations are retried as Lambda retries them")
struct AsyncRetryScheduleTests {
    static let start = ContinuousClock.now

    @Test("after a function error: two more attempts, one and then two minutes later, then RetriesExhausted")
    func functionErrors() {
        var schedule = AsyncRetrySchedule(configuration: AsyncInvokeConfiguration(), timings: .aws, queuedAt: Self.start)
        #expect(schedule.functionFailed(at: Self.start) == .retry(after: .seconds(60)))
        #expect(schedule.functionFailed(at: Self.start + .seconds(60)) == .retry(after: .seconds(120)))
        #expect(schedule.functionFailed(at: Self.start + .seconds(180)) == .giveUp(condition: "RetriesExhausted"))
        #expect(schedule.attempts == 3)
    }

    @Test("maximumRetryAttempts 0 gives up after the first failure")
    func noRetries() {
        var schedule = AsyncRetrySchedule(
            configuration: AsyncInvokeConfiguration(maximumRetryAttempts: 0), timings: .aws, queuedAt: Self.start)
        #expect(schedule.functionFailed(at: Self.start) == .giveUp(condition: "RetriesExhausted"))
    }

    @Test("a retry that would come after maximumEventAge is EventAgeExceeded")
    func eventAge() {
        var schedule = AsyncRetrySchedule(
            configuration: AsyncInvokeConfiguration(maximumEventAge: 90), timings: .aws, queuedAt: Self.start)
        #expect(schedule.functionFailed(at: Self.start) == .retry(after: .seconds(60)))
        #expect(schedule.functionFailed(at: Self.start + .seconds(60)) == .giveUp(condition: "EventAgeExceeded"))
    }

    @Test("throttles are retried with waits doubling from one second to five minutes, within the event's age")
    func throttles() {
        var schedule = AsyncRetrySchedule(configuration: AsyncInvokeConfiguration(), timings: .aws, queuedAt: Self.start)
        let waits = (0..<12).map { _ in schedule.throttled(at: Self.start, reservedConcurrency: 5) }
        #expect(waits.prefix(4) == [.retry(after: .seconds(1)), .retry(after: .seconds(2)), .retry(after: .seconds(4)), .retry(after: .seconds(8))])
        #expect(waits.last == .retry(after: .seconds(300)))
        #expect(schedule.attempts == 0, "a throttled attempt never reached the function")
        #expect(schedule.throttled(at: Self.start + .seconds(21_500), reservedConcurrency: 5) == .giveUp(condition: "EventAgeExceeded"))
    }

    @Test("reserved concurrency 0 sends the event on without retrying")
    func zeroReserved() {
        var schedule = AsyncRetrySchedule(configuration: AsyncInvokeConfiguration(), timings: .aws, queuedAt: Self.start)
        #expect(schedule.throttled(at: Self.start, reservedConcurrency: 0) == .giveUp(condition: "ZeroReservedConcurrency"))
    }
}
