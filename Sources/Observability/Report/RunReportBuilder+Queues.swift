import QueueStore

extension RunReportBuilder {
    func queueSummaries() -> [RunReport.Queue] {
        let byQueue = Dictionary(grouping: input.samples, by: \.queueName)
        return byQueue.keys.sorted().compactMap { name in
            guard let samples = byQueue[name], let last = samples.last else { return nil }
            let distribution = input.receiveCounts[name] ?? [:]
            return RunReport.Queue(
                name: name, fifo: input.fifoQueues.contains(name), sent: last.sent, received: last.received,
                deleted: last.deleted, deadLettered: last.deadLettered, requests: last.requests,
                maxAgeSeconds: samples.compactMap(\.oldestMessageAge).max().map { Double($0) / 1000 },
                receiveCounts: Dictionary(uniqueKeysWithValues: distribution.map { (String($0.key), $0.value) }))
        }
    }

    /// One series per queue of a sampled count (visible, in flight).
    func queueSeries(_ count: KeyPath<QueueSample, Int>) -> [RunReport.NamedSeries] {
        let byQueue = Dictionary(grouping: input.samples, by: \.queueName)
        return byQueue.keys.sorted().map { name in
            RunReport.NamedSeries(
                name: name,
                points: (byQueue[name] ?? []).map { [Double($0.at - input.run.startedAt) / 1000, Double($0[keyPath: count])] })
        }
    }

    /// Throttles when the function refused a batch or an invoke, errors when an invocation ended in one.
    func events() -> [RunReport.Event] {
        var events: [RunReport.Event] = []
        for attempt in input.attempts {
            if attempt.throttles > 0 {
                let at = attempt.invokedAt ?? attempt.receivedAt
                let times = attempt.throttles == 1 ? "" : " (\(attempt.throttles) times)"
                events.append(RunReport.Event(
                    at: seconds(at), kind: .throttle, function: attempt.functionName,
                    detail: (attempt.outcome == .throttled ? attempt.errorType ?? "throttled" : "throttled, then ran") + times))
            }
            if Self.failedOutcomes.contains(attempt.outcome) {
                let detail = [attempt.errorType, attempt.errorMessage].compactMap { $0 }.joined(separator: ": ")
                events.append(RunReport.Event(
                    at: seconds(attempt.endedAt ?? attempt.receivedAt), kind: .error, function: attempt.functionName,
                    detail: detail.isEmpty ? attempt.outcome.rawValue : detail))
            }
        }
        return events.sorted { $0.at < $1.at }
    }

    private func seconds(_ milliseconds: Int64) -> Double {
        Double(milliseconds - input.run.startedAt) / 1000
    }
}
