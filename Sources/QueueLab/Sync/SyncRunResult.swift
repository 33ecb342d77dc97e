import CRMMock
import CRMSync
import Observability
import Primitives

/// What a sync run did: its Processes, the run report, and what the mock CRM and Quo saw.
public struct SyncRunResult: Sendable {
    /// The Processes the sync started, by name.
    public var processes: [SyncProcess]
    /// From sending the start event to the last Process finishing with every message settled.
    public var wallTime: Duration
    public var report: RunReport
    public var crmCounters: CRMCounters
    public var crmSettings: CRMSettings
    public var quo: QuoSummary
    /// The fastest the run's CRM work could have gone under its configuration.
    public var ideal: SyncIdeal

    /// Every Process completed (none ended in ERROR).
    public var succeeded: Bool { processes.allSatisfy { $0.state == .completed } }

    public var recordsPerSecond: Double {
        let seconds = wallTime.fractionalSeconds
        return seconds > 0 ? Double(processes.map(\.results.totalSynced).reduce(0, +)) / seconds : 0
    }
}
