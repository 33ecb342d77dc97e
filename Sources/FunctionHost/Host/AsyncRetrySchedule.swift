/// Decides, for one asynchronous event, whether Lambda tries again and when: after a function
/// error (any error of the function or its runtime, timeouts included) up to
/// `maximumRetryAttempts` more times, one and then two minutes apart; after a throttle again and
/// again with waits doubling from one second to five minutes; never once the event is older than
/// `maximumEventAge`. A function with reserved concurrency 0 sends its events on at once. Pure.
struct AsyncRetrySchedule: Sendable, Equatable {
    enum Decision: Equatable {
        case retry(after: Duration)
        case giveUp(condition: String)
    }

    /// The `condition` values of Lambda's invocation record.
    static let retriesExhausted = "RetriesExhausted"
    static let eventAgeExceeded = "EventAgeExceeded"
    /// Reserved concurrency 0: Lambda sends the event on without trying (the name LocalStack uses;
    /// AWS documents the behaviour, not a condition string).
    static let zeroReservedConcurrency = "ZeroReservedConcurrency"

    let configuration: AsyncInvokeConfiguration
    let timings: AsyncRetryTimings
    /// When the event was queued, on the host's clock.
    let queuedAt: ContinuousClock.Instant
    private(set) var functionErrors = 0
    private(set) var throttles = 0

    init(configuration: AsyncInvokeConfiguration, timings: AsyncRetryTimings, queuedAt: ContinuousClock.Instant) {
        self.configuration = configuration
        self.timings = timings
        self.queuedAt = queuedAt
    }

    /// Attempts that reached the function.
    var attempts: Int { functionErrors }

    mutating func functionFailed(at now: ContinuousClock.Instant) -> Decision {
        functionErrors += 1
        guard functionErrors <= configuration.maximumRetryAttempts else { return .giveUp(condition: Self.retriesExhausted) }
        return retry(after: timings.afterFunctionError * functionErrors, now: now)
    }

    mutating func throttled(at now: ContinuousClock.Instant, reservedConcurrency: Int?) -> Decision {
        if reservedConcurrency == 0 { return .giveUp(condition: Self.zeroReservedConcurrency) }
        throttles += 1
        let wait = min(timings.afterThrottleInitial * (1 << min(throttles - 1, 20)), timings.afterThrottleMaximum)
        return retry(after: wait, now: now)
    }

    private func retry(after wait: Duration, now: ContinuousClock.Instant) -> Decision {
        let age = now + wait - queuedAt
        return age > .seconds(configuration.maximumEventAge) ? .giveUp(condition: Self.eventAgeExceeded) : .retry(after: wait)
    }
}
