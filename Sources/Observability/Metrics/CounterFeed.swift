import Metrics

/// A swift-metrics counter fed with a running total: it advances by what the total grew since the
/// last reading and never goes back. A total lower than the last one (counting started again, as
/// for a queue deleted and made anew) is taken as the new base, so what follows still counts.
struct CounterFeed {
    let counter: Counter
    private var lastTotal = 0

    init(_ counter: Counter) {
        self.counter = counter
    }

    mutating func advance(to total: Int) {
        if total > lastTotal { counter.increment(by: total - lastTotal) }
        lastTotal = total
    }
}
