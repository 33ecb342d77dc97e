import Foundation
import QueueStore

/// Builds a `RunReport` from what a run left in the state file. Pure: the reader fetches the rows.
public struct RunReportBuilder: Sendable {
    /// Everything the report is made from.
    public struct Input: Sendable {
        public var stateFile: String
        public var run: RunRecord
        /// Milliseconds since the epoch: a run with no recorded end whose last sample is recent still runs.
        public var now: Int64
        /// The run's delivery attempts and invocations, oldest first.
        public var attempts: [DeliveryAttempt]
        /// The run's queue samples in time order.
        public var samples: [QueueSample]
        /// Which queues are FIFO (their requests cost more).
        public var fifoQueues: Set<String>
        /// Per queue: deliveries per message → messages.
        public var receiveCounts: [String: [Int: Int]]
        public var prices: Prices

        public init(
            stateFile: String, run: RunRecord, now: Int64, attempts: [DeliveryAttempt], samples: [QueueSample],
            fifoQueues: Set<String>, receiveCounts: [String: [Int: Int]], prices: Prices
        ) {
            self.stateFile = stateFile
            self.run = run
            self.now = now
            self.attempts = attempts
            self.samples = samples
            self.fifoQueues = fifoQueues
            self.receiveCounts = receiveCounts
            self.prices = prices
        }
    }

    /// A run whose last sample is younger than this, with no recorded end, is still running.
    static let runningWithin: Int64 = 5_000
    /// Charts get at most about this many points per series.
    static let seriesPoints: Int64 = 600

    let input: Input

    public init(_ input: Input) {
        self.input = input
    }

    public func build() -> RunReport {
        let run = runSummary()
        let span = spanMilliseconds()
        let bucket = max(100, (span.upperBound - input.run.startedAt) / Self.seriesPoints)
        let functions = input.run.functions.map { function(for: $0, span: span, bucket: bucket) }
        let mappings = input.run.mappings.map { mapping(for: $0, span: span, bucket: bucket) }
        let queues = queueSummaries()
        return RunReport(
            stateFile: input.stateFile, run: run, functions: functions.map(\.summary),
            mappings: mappings.map(\.summary), queues: queues,
            cost: cost(functions: functions.map(\.summary), queues: queues, runSeconds: run.durationSeconds),
            series: RunReport.Series(
                queueDepth: queueSeries(\.visible), inFlight: queueSeries(\.inFlight),
                concurrency: functions.map { RunReport.NamedSeries(name: $0.summary.name, points: $0.timeline.points) },
                mappingConcurrency: mappings.map { RunReport.NamedSeries(name: $0.summary.id, points: $0.timeline.points) },
                events: events()))
    }

    // MARK: Run

    private var endedAt: Int64 {
        let lastAttempt = input.attempts.compactMap(\.endedAt).max() ?? input.run.startedAt
        return max(input.run.endedAt ?? input.run.lastSampleAt ?? input.run.startedAt, lastAttempt)
    }

    private func spanMilliseconds() -> ClosedRange<Int64> {
        input.run.startedAt...max(endedAt, input.run.startedAt)
    }

    private func runSummary() -> RunReport.Run {
        let status: RunReport.Status
        if input.run.endedAt != nil {
            status = .stopped
        } else if let last = input.run.lastSampleAt, input.now - last <= Self.runningWithin {
            status = .running
        } else {
            status = .killed
        }
        let firstWork = input.attempts.map(\.receivedAt).min()
        let lastWork = input.attempts.compactMap { $0.endedAt ?? $0.invokedAt ?? $0.receivedAt }.max()
        var wall = 0.0
        if let firstWork, let lastWork { wall = Double(lastWork - firstWork) / 1000 }
        return RunReport.Run(
            id: input.run.id ?? 0, startedAt: Self.date(input.run.startedAt), endedAt: Self.date(endedAt), status: status,
            durationSeconds: Double(endedAt - input.run.startedAt) / 1000, wallSeconds: max(wall, 0))
    }

    // MARK: Functions and mappings

    /// Outcomes of attempts in which the function ran.
    static let ranOutcomes: Set<DeliveryOutcome> = [
        .succeeded, .batchItemFailures, .functionError, .timedOut, .outOfMemory, .crashed, .invalidResponse, .initFailed,
    ]
    static let failedOutcomes: Set<DeliveryOutcome> = [.functionError, .timedOut, .outOfMemory, .crashed, .invalidResponse, .initFailed]

    private func function(for function: RunRecord.Function, span: ClosedRange<Int64>, bucket: Int64)
        -> (summary: RunReport.Function, timeline: ConcurrencyTimeline)
    {
        let attempts = input.attempts.filter { $0.functionName == function.name }
        let ran = attempts.filter { Self.ranOutcomes.contains($0.outcome) }
        var errors: [String: Int] = [:]
        for attempt in ran where Self.failedOutcomes.contains(attempt.outcome) {
            errors[attempt.errorType ?? attempt.outcome.rawValue, default: 0] += 1
        }
        let durations = ran.compactMap(\.durationMicroseconds).map { Double($0) / 1000 }
        let billedMilliseconds = durations.reduce(0) { $0 + $1.rounded(.up) }
        let timeline = ConcurrencyTimeline(
            intervals: Self.invocationIntervals(ran), origin: input.run.startedAt, span: span, bucket: bucket)
        let summary = RunReport.Function(
            name: function.name, memorySize: function.memorySize, timeoutSeconds: function.timeout,
            reservedConcurrency: function.reservedConcurrency, provisionedConcurrency: function.provisionedConcurrency,
            invocations: ran.count, coldStarts: ran.count(where: \.coldStart), throttles: attempts.reduce(0) { $0 + $1.throttles },
            errors: errors, timeouts: ran.count { $0.outcome == .timedOut }, durationMs: Self.statistics(durations),
            gbSeconds: billedMilliseconds / 1000 * Double(function.memorySize) / 1024, peakConcurrency: timeline.peak)
        return (summary, timeline)
    }

    private func mapping(for mapping: RunRecord.Mapping, span: ClosedRange<Int64>, bucket: Int64)
        -> (summary: RunReport.Mapping, timeline: ConcurrencyTimeline)
    {
        let batches = input.attempts.filter { $0.mappingId == mapping.id }
        let ran = batches.filter { Self.ranOutcomes.contains($0.outcome) }
        let timeline = ConcurrencyTimeline(
            intervals: Self.invocationIntervals(ran), origin: input.run.startedAt, span: wallSpan(of: batches) ?? span,
            bucket: bucket)
        let messages = batches.reduce(0) { $0 + $1.batchSize }
        let summary = RunReport.Mapping(
            id: mapping.id, queue: mapping.queueName, function: mapping.functionName, batchSize: mapping.batchSize,
            maximumConcurrency: mapping.maximumConcurrency, batches: batches.count,
            meanBatchSize: batches.isEmpty ? 0 : Double(messages) / Double(batches.count),
            peakConcurrency: timeline.peak, meanConcurrency: timeline.mean)
        return (summary, timeline)
    }

    /// From the first receive to the last end among `attempts`: the time their mean averages over.
    private func wallSpan(of attempts: [DeliveryAttempt]) -> ClosedRange<Int64>? {
        guard let first = attempts.map(\.receivedAt).min() else { return nil }
        let last = attempts.compactMap { $0.endedAt ?? $0.receivedAt }.max() ?? first
        return first...max(first, last)
    }

    private static func invocationIntervals(_ ran: [DeliveryAttempt]) -> [(start: Int64, end: Int64)] {
        ran.compactMap { attempt in
            attempt.endedAt.map { (attempt.invokedAt ?? attempt.receivedAt, $0) }
        }
    }

    static func statistics(_ values: [Double]) -> RunReport.DurationStatistics? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func percentile(_ fraction: Double) -> Double {
            sorted[min(max(Int((fraction * Double(sorted.count)).rounded(.up)) - 1, 0), sorted.count - 1)]
        }
        return RunReport.DurationStatistics(
            p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99),
            mean: sorted.reduce(0, +) / Double(sorted.count), max: sorted[sorted.count - 1])
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
