extension StatusBoard {
    /// In display order; priorities say which go first on a narrow terminal (concurrency and
    /// invocations stay longest, timeouts and cold starts go first).
    static let functionTable = StatusTable<FunctionStatus>(
        nameTitle: "FUNCTION", name: \.name,
        columns: [
            .init("CONC", priority: 100) { function in
                let atLimit = function.reservedConcurrency.map { function.concurrentExecutions >= $0 } ?? false
                return (StatusFormat.concurrency(function), atLimit ? .warning : .plain)
            },
            .init("WARM", priority: 40) { function in
                let cold = function.provisionedWarm < function.provisionedConcurrency
                return (StatusFormat.provisioned(function), cold ? .warning : .plain)
            },
            .init("INVOC", priority: 90) { (String($0.invocations), .plain) },
            .init("COLD", priority: 30) { (String($0.coldStarts), .plain) },
            .init("THROT", priority: 70) { (String($0.throttles), $0.throttles > 0 ? .warning : .plain) },
            .init("ERR", priority: 80) { (String($0.errors), $0.errors > 0 ? .bad : .plain) },
            .init("TIMEOUT", priority: 20) { (String($0.timeouts), $0.timeouts > 0 ? .bad : .plain) },
            .init("P50", priority: 50) { (StatusFormat.duration($0.recentDurationP50), .plain) },
            .init("P99", priority: 60) { (StatusFormat.duration($0.recentDurationP99), .plain) },
        ])

    /// Depths stay longest, then dead letters and the oldest message's age, then the rates.
    static let queueTable = StatusTable<QueueStatus>(
        nameTitle: "QUEUE", name: \.name,
        columns: [
            .init("VISIBLE", priority: 100) { (String($0.visible), .plain) },
            .init("IN FLIGHT", priority: 90) { (String($0.inFlight), .plain) },
            .init("DELAYED", priority: 40) { (String($0.delayed), .plain) },
            .init("DLQ", priority: 80) { queue in
                (StatusFormat.deadLetterDepth(queue), (queue.deadLetterDepth ?? 0) > 0 ? .bad : .plain)
            },
            .init("OLDEST", priority: 70) { (StatusFormat.age($0.oldestMessageAge), .plain) },
            .init("RECV/S", priority: 60) { (StatusFormat.rate($0.receiveRate), .plain) },
            .init("DEL/S", priority: 50) { (StatusFormat.rate($0.deleteRate), .plain) },
        ])
}
