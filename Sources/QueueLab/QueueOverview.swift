import Foundation
import Observability
import QueueStore

/// The `queuelab queues` table: every queue with its message counts and dead-letter target.
public enum QueueOverview {
    /// No state file where one was expected.
    public struct MissingStateFile: Error, CustomStringConvertible {
        public let path: String
        public var code: String { "StateFileNotFound" }
        public var message: String { "No state file at \(path); `queuelab start --state \(path)` creates it." }
        public var description: String { message }
    }

    /// The table for the state file at `statePath`, read while a runtime may be using it.
    public static func render(statePath: String) async throws -> String {
        guard FileManager.default.fileExists(atPath: statePath) else { throw MissingStateFile(path: statePath) }
        return try await render(try QueueStore(path: statePath))
    }

    public static func render(_ store: QueueStore) async throws -> String {
        let rows = try await store.overview().map { entry in
            [entry.queue.name, String(entry.counts.visible), String(entry.counts.inFlight), String(entry.counts.delayed),
             entry.queue.redrivePolicy.map { "\($0.deadLetterQueueName) (after \($0.maxReceiveCount))" } ?? "-"]
        }
        let header = ["NAME", "VISIBLE", "IN FLIGHT", "DELAYED", "DLQ TARGET"]
        guard !rows.isEmpty else { return "No queues.\n" }
        return TextTable.lines(header, rows).joined(separator: "\n") + "\n"
    }
}
