import Foundation
import QueueStore

/// Reads a run from a state file, while a runtime may be using it, and builds its report.
public struct RunReportReader: Sendable {
    /// A run id that the state file does not hold.
    public struct UnknownRun: Error, Sendable, CustomStringConvertible {
        public let id: Int64
        public let known: [Int64]
        public var code: String { "UnknownRun" }
        public var description: String {
            "No run \(id) in the state file; its runs: \(known.map(String.init).joined(separator: ", "))."
        }
    }

    let store: QueueStore
    let stateFile: String

    /// Opens the state file for reading; it must exist and hold a run.
    public init(stateFile: String) throws(StateFileError) {
        store = try QueueStore.existing(at: stateFile, readOnly: true)
        self.stateFile = stateFile
    }

    /// The report of run `id`, or of the latest run.
    public func report(run id: Int64? = nil, prices: Prices = Prices()) async throws -> RunReport {
        let runs = try await store.runs()
        // `existing(at:)` refused a state file without a run, so the latest one exists.
        let index = id.flatMap { id in runs.firstIndex { $0.id == id } } ?? (id == nil ? runs.count - 1 : -1)
        guard runs.indices.contains(index), let runId = runs[index].id else {
            throw UnknownRun(id: id ?? 0, known: runs.compactMap(\.id))
        }
        let run = runs[index]
        // Attempts belong to the run that received them: up to the next run's start.
        let until = runs.indices.contains(index + 1) ? runs[index + 1].startedAt - 1 : nil
        let attempts = try await store.deliveryAttempts(receivedFrom: run.startedAt, to: until)
        let samples = try await store.queueSamples(ofRun: runId)
        let queues = try await store.overview().map(\.queue)
        var receiveCounts: [String: [Int: Int]] = [:]
        for name in Set(run.mappings.map(\.queueName)) {
            receiveCounts[name] = try await store.receiveCountDistribution(ofQueue: name, from: run.startedAt, to: until)
        }
        let input = RunReportBuilder.Input(
            stateFile: stateFile, run: run, now: store.clock.now(), attempts: attempts, samples: samples,
            fifoQueues: Set(queues.filter(\.fifoQueue).map(\.name)), receiveCounts: receiveCounts, prices: prices)
        return RunReportBuilder(input).build()
    }
}
