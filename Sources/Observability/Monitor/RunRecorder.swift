import Logging
import QueueStore
import ServiceLifecycle

/// Writes the run to the state file for `queuelab report`: a run row with what it runs, each
/// queue's sample once a `sampleInterval`, and the end of the run when the monitor's stream ends.
/// A run killed with `kill -9` keeps every sample written so far; its last one marks its end.
public struct RunRecorder: Service {
    let store: QueueStore
    let functions: [RunRecord.Function]
    let mappings: [RunRecord.Mapping]
    let snapshots: AsyncStream<RuntimeSnapshot>
    let sampleInterval: Double
    let logger: Logger

    public init(
        store: QueueStore, functions: [RunRecord.Function], mappings: [RunRecord.Mapping],
        snapshots: AsyncStream<RuntimeSnapshot>, sampleInterval: Double = 1, logger: Logger
    ) {
        self.store = store
        self.functions = functions
        self.mappings = mappings
        self.snapshots = snapshots
        self.sampleInterval = sampleInterval
        self.logger = logger
    }

    /// Ends when the monitor's stream does, after the monitor's last snapshot; it does not stop on
    /// graceful shutdown by itself, so that last snapshot is written.
    public func run() async throws {
        let runId = try await store.startRun(functions: functions, mappings: mappings)
        var lastWritten: Double?
        var pending: RuntimeSnapshot?
        for await snapshot in snapshots {
            pending = snapshot
            if let lastWritten, snapshot.uptime - lastWritten < sampleInterval { continue }
            await write(snapshot, runId: runId)
            lastWritten = snapshot.uptime
            pending = nil
        }
        if let pending { await write(pending, runId: runId) }
        do {
            try await store.endRun(runId)
        } catch {
            logger.error("could not record the end of run \(runId): \(error)")
        }
    }

    private func write(_ snapshot: RuntimeSnapshot, runId: Int64) async {
        let at = Int64((snapshot.takenAt.timeIntervalSince1970 * 1000).rounded(.down))
        let samples = snapshot.queues.map { queue in
            QueueSample(
                runId: runId, at: at, queueName: queue.name,
                counts: QueueCounts(visible: queue.visible, inFlight: queue.inFlight, delayed: queue.delayed),
                oldestMessageAge: queue.oldestMessageAge.map { Int64(($0 * 1000).rounded()) },
                activity: QueueActivity(
                    sent: queue.sent, received: queue.received, deleted: queue.deleted, deadLettered: queue.deadLettered,
                    requests: queue.requests))
        }
        do {
            try await store.recordSamples(samples, ofRun: runId)
        } catch {
            logger.error("could not record a sample of run \(runId): \(error)")
        }
    }
}
