import Primitives

/// When a throttled batch is offered to the function again. Lambda keeps retrying a throttled
/// batch, backing off, until the messages' visibility timeout runs out; then it lets them go and
/// they come back through SQS with a higher receive count. QueueLab doubles the wait from
/// `throttleRetryInitial` up to `throttleRetryMaximum`, and gives up when an invocation starting
/// at the next try could outlast the visibility timeout: the function's timeout must still fit, as
/// CreateEventSourceMapping requires it to fit the queue's visibility timeout, so that a batch it
/// runs can always be deleted; a later try could run messages that are already back on the queue
/// and be dead-lettered or run again after succeeding. (AWS documents the behaviour, not the
/// curve: this one is ours.)
struct ThrottleRetry: Sendable, Equatable {
    enum Decision: Equatable {
        /// Offer the batch again at this time (milliseconds).
        case retry(at: Int64)
        /// The messages' visibility timeout would end first: let them go back to the queue.
        case release
    }

    let rates: ScalingRates
    /// When the batch's messages become visible again.
    let visibleUntil: Int64
    /// The function's timeout in milliseconds.
    let functionTimeout: Int64
    private(set) var throttles = 0

    init(rates: ScalingRates, visibleUntil: Int64, functionTimeout: Int64) {
        self.rates = rates
        self.visibleUntil = visibleUntil
        self.functionTimeout = functionTimeout
    }

    /// The function refused the batch at `now`.
    mutating func throttled(at now: Int64) -> Decision {
        throttles += 1
        let next = now + wait(afterThrottle: throttles)
        return next + functionTimeout < visibleUntil ? .retry(at: next) : .release
    }

    private func wait(afterThrottle count: Int) -> Int64 {
        let initial = rates.throttleRetryInitial.wholeMilliseconds
        let maximum = rates.throttleRetryMaximum.wholeMilliseconds
        let doublings = min(count - 1, 30)
        return min(initial << doublings, maximum)
    }
}
