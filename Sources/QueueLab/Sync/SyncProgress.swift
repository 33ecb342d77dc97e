import CRMSync
import QueueStore

/// What a running sync looks like at one moment: its Processes and its queue.
public struct SyncProgress: Sendable {
    public var processes: [SyncProcess]
    public var queue: QueueCounts
    /// Since the sync was started.
    public var elapsed: Duration
}
