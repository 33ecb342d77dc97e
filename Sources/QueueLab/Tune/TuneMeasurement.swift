import IntegrationManifest
import Observability
import Primitives

/// What one sync run of one configuration measured: the comparison table's figures, and the
/// series its charts draw.
public struct TuneMeasurement: Sendable, Equatable, Codable {
    public var wallSeconds: Double
    public var recordsPerSecond: Double
    /// Concurrent batches of the worker's mapping.
    public var peakConcurrency: Int
    public var meanConcurrency: Double
    public var coldStarts: Int
    public var throttles: Int
    /// Receives beyond each message's first (redeliveries after a failure, a throttle or a timeout).
    public var retries: Int
    /// CRM requests answered 429.
    public var rateLimited: Int
    public var deadLettered: Int
    public var contactsSynced: Int
    public var processesInError: Int
    public var costDollars: Double
    public var series: RunReport.Series

    /// No message dead-lettered and no Process in ERROR.
    public var isClean: Bool { deadLettered == 0 && processesInError == 0 }
}

extension TuneMeasurement {
    public init(_ result: SyncRunResult, integration: String) {
        let names = IntegrationNames(integration: integration)
        let report = result.report
        let worker = report.functions.first { $0.name == names.functionName }
        let mapping = report.mappings.first { $0.function == names.functionName }
        let queue = report.queues.first { $0.name == names.queueName }
        wallSeconds = result.wallTime.fractionalSeconds
        recordsPerSecond = result.recordsPerSecond
        peakConcurrency = mapping?.peakConcurrency ?? 0
        meanConcurrency = mapping?.meanConcurrency ?? 0
        coldStarts = worker?.coldStarts ?? 0
        throttles = worker?.throttles ?? 0
        retries = (queue?.receiveCounts ?? [:]).reduce(0) { sum, entry in sum + max((Int(entry.key) ?? 1) - 1, 0) * entry.value }
        rateLimited = result.crmCounters.rateLimited
        deadLettered = queue?.deadLettered ?? 0
        contactsSynced = result.processes.map(\.results.totalSynced).reduce(0, +)
        processesInError = result.processes.count { $0.state == .error }
        costDollars = report.cost.totalDollars
        series = report.series
    }
}
