/// The status as one plain line, for standard output that is not a terminal (CI, a pipe, a file):
/// no escape codes, no width limit, `key=value` fields that grep and log tools read, e.g.
///
///     status up=1m05s | function=worker conc=3/5 warm=- invocations=1234 cold=12 throttles=5 errors=3 timeouts=1 p50=120ms p99=1.2s | queue=jobs visible=120 inflight=10 delayed=0 dlq=3 oldest=12s received=40.0/s deleted=38.5/s
public enum StatusLine {
    public static func text(for snapshot: RuntimeSnapshot) -> String {
        var parts = ["status up=" + StatusFormat.age(snapshot.uptime)]
        if snapshot.functions.isEmpty && snapshot.queues.isEmpty { parts.append("no functions or queues yet") }
        for function in snapshot.functions {
            parts.append(
                "function=\(function.name) conc=\(StatusFormat.concurrency(function)) warm=\(StatusFormat.provisioned(function))"
                    + " invocations=\(function.invocations) cold=\(function.coldStarts) throttles=\(function.throttles)"
                    + " errors=\(function.errors) timeouts=\(function.timeouts)"
                    + " p50=\(StatusFormat.duration(function.recentDurationP50)) p99=\(StatusFormat.duration(function.recentDurationP99))")
        }
        for queue in snapshot.queues {
            parts.append(
                "queue=\(queue.name) visible=\(queue.visible) inflight=\(queue.inFlight) delayed=\(queue.delayed)"
                    + " dlq=\(StatusFormat.deadLetterDepth(queue)) oldest=\(StatusFormat.age(queue.oldestMessageAge))"
                    + " received=\(StatusFormat.rate(queue.receiveRate))/s deleted=\(StatusFormat.rate(queue.deleteRate))/s")
        }
        return parts.joined(separator: " | ")
    }
}
