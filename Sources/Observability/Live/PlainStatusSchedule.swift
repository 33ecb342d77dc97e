/// When the plain status line is printed where standard output is not a terminal: at most every
/// `interval` (5 s), and then only if something it counts has changed since the last line printed,
/// but at least every `heartbeat` (30 s), so an idle run stays quiet in a CI log yet still shows
/// it is alive. What "changed" means is `StatusActivity`: the counters and depths, not the uptime,
/// ages, rates or percentiles, which move with time alone.
struct PlainStatusSchedule {
    static var interval: Duration { .seconds(5) }
    static var heartbeat: Duration { .seconds(30) }

    private var lastPrinted: (at: ContinuousClock.Instant, activity: StatusActivity)?

    /// Whether to print a line for `activity` now; if so, it counts as printed.
    mutating func shouldPrint(_ activity: StatusActivity, at now: ContinuousClock.Instant) -> Bool {
        if let lastPrinted {
            let elapsed = now - lastPrinted.at
            guard elapsed >= Self.interval, activity != lastPrinted.activity || elapsed >= Self.heartbeat else { return false }
        }
        lastPrinted = (now, activity)
        return true
    }
}

/// What the plain status line counts: each function's and queue's counters and depths, by name.
struct StatusActivity: Equatable {
    private let functions: [String: [Int]]
    private let queues: [String: [Int]]

    init(_ snapshot: RuntimeSnapshot) {
        functions = Dictionary(
            snapshot.functions.map { function in
                (function.name, [
                    function.concurrentExecutions, function.provisionedWarm, function.invocations, function.coldStarts,
                    function.throttles, function.errors, function.timeouts,
                ])
            }, uniquingKeysWith: { first, _ in first })
        queues = Dictionary(
            snapshot.queues.map { queue in
                (queue.name, [
                    queue.visible, queue.inFlight, queue.delayed, queue.deadLetterDepth ?? 0, queue.sent, queue.received,
                    queue.deleted,
                ])
            }, uniquingKeysWith: { first, _ in first })
    }
}
