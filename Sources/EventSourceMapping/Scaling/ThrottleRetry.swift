import Primitives

/// When a throttled batch is offered to the function again. Lambda keeps retrying a throttled
/// batch, backing off, until the messages' visibility timeout runs out; then it lets them go and
/// they come back through SQS with a higher receive count. QueueLab doubles the wait from
/// `throttleRetryInitial` up to `throttleRetryMaximum` and gives up when the next try would come
/// after the visibility timeout. (AWS documents the behaviour, not the curve: this one is ours.)
struct ThrottleRetry: Sendable, Equatable {
    enum Decision: Equatable {
        /// Offer the batch again at this time (milliseconds).
        case retry(at: Int64)
        /// The messages' visibility timeout ends first: let them go back to the queue.
        case release
    }

    let rates: ScalingRates
    /// When the batch's messages become visible again.
    let visibleUntil: Int64
    private(set) var throttles = 0

    init(rates: ScalingRates, visibleUntil: Int64) {
        self.rates = rates
        self.visibleUntil = visibleUntil
    }

    /// The function refused the batch at `now`.
    mutating func throttled(at now: Int64) -> Decision {
        throttles += 1
        let next = now + wait(afterThrottle: throttles)
        return next < visibleUntil ? .retry(at: next) : .release
    }

    private func wait(afterThrottle count: Int) -> Int64 {
        let initial = rates.throttleRetryInitial.wholeMilliseconds
        let maximum = rates.throttleRetryMaximum.wholeMilliseconds
        let doublings = min(count - 1, 30)
        return min(initial << doublings, maximum)
    }
}
