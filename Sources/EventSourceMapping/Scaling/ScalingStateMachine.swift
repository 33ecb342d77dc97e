/// How many batches one SQS event source mapping processes at once, as Lambda scales it: the
/// floor (five, or `maximumConcurrency` when lower) while messages are available, up to
/// `increasePerMinute` more per minute while they keep waiting, never above the ceiling, one step
/// back toward the floor for each empty long poll, and one step back, with the scale-up budget
/// spent, whenever the function is throttled or fails ("Lambda gradually backs off, reducing the
/// concurrency allocated to your event source mapping"). Pure: the poller feeds it events with the
/// time in milliseconds and runs as many pollers as `concurrency` says.
struct ScalingStateMachine: Sendable, Equatable {
    let rates: ScalingRates
    /// The mapping's limit: AWS's maximum, or `maximumConcurrency` when set.
    let ceiling: Int
    /// Where the mapping starts and what it scales back to.
    let floor: Int
    private(set) var concurrency: Int
    /// Pollers the mapping may still add before the rate limit allows more; refilled continuously.
    private var budget: Double
    private var refilledAt: Int64

    init(rates: ScalingRates, maximumConcurrency: Int?, now: Int64) {
        self.rates = rates
        ceiling = min(rates.maximumConcurrency, maximumConcurrency ?? .max)
        floor = min(rates.initialConcurrency, ceiling)
        concurrency = floor
        budget = 0
        refilledAt = now
    }

    /// At most one second's worth of scale-up can be saved up, so an idle minute does not turn into
    /// a burst of 300 pollers: the rate holds over any stretch of time.
    private var budgetCapacity: Double { max(Double(rates.increasePerMinute) / 60, 1) }

    /// A receive came back full, so messages are waiting: adds what the rate allows. Returns how
    /// many pollers to start. `running` counts the pollers still at work: one that backed off
    /// finishes its batch before it leaves, and the ceiling holds for them all.
    mutating func messagesWaiting(at now: Int64, running: Int) -> Int {
        refill(at: now)
        let added = min(Int(budget), ceiling - max(concurrency, running))
        guard added > 0 else { return 0 }
        budget -= Double(added)
        concurrency += added
        return added
    }

    /// A long poll ended with nothing to deliver: one step back toward the floor.
    mutating func queueEmpty() {
        concurrency = max(floor, concurrency - 1)
    }

    /// The function throttled a batch or failed it: one step back, and the saved-up scale-up is gone.
    mutating func backOff(at now: Int64) {
        concurrency = max(floor, concurrency - 1)
        budget = 0
        refilledAt = now
    }

    private mutating func refill(at now: Int64) {
        let elapsed = Double(max(now - refilledAt, 0))
        budget = min(budgetCapacity, budget + elapsed * Double(rates.increasePerMinute) / 60_000)
        refilledAt = now
    }
}
