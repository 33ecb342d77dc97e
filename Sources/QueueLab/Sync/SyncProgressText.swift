import CRMSync
import Foundation
import Observability

/// The sync's Processes as text: one row each while the sync runs (state, synced of total,
/// records/s, time left, errors), and their results when it ends. Pure.
public enum SyncProgressText {
    /// One row per Process, under a header.
    public static func lines(_ processes: [SyncProcess], now: Date) -> [String] {
        let rows = processes.map { process in
            let results = process.results
            let total = process.context.totalRecords.map(String.init) ?? "?"
            let timeLeft = results.estimatedCompletion.map { seconds($0.timeIntervalSince(now)) } ?? (process.state.isFinal ? "done" : "—")
            return [
                process.name, process.state.rawValue, "\(results.totalSynced)/\(total)", String(results.totalFailed),
                String(format: "%.0f", results.recordsPerSecond), timeLeft,
            ]
        }
        return TextTable.lines(["PROCESS", "STATE", "SYNCED/TOTAL", "FAILED", "RECORDS/S", "LEFT"], rows)
    }

    /// Each Process's results and its last errors (at most `errorsShown` each).
    public static func results(_ processes: [SyncProcess], errorsShown: Int = 5) -> [String] {
        let rows = processes.map { process in
            let results = process.results
            return [
                process.name, process.context.syncType.rawValue, process.state.rawValue, process.context.totalRecords.map(String.init) ?? "—",
                String(results.totalSynced), String(results.totalFailed), seconds(Double(results.durationMilliseconds) / 1000),
                String(format: "%.1f", results.recordsPerSecond),
            ]
        }
        var lines = TextTable.lines(["PROCESS", "SYNC", "STATE", "TOTAL", "SYNCED", "FAILED", "DURATION", "RECORDS/S"], rows)
        for process in processes {
            if let message = process.errorMessage { lines.append("  \(process.name) ended in ERROR: \(message)") }
            let errors = process.results.errors
            guard !errors.isEmpty else { continue }
            lines.append("  \(process.name): last \(min(errors.count, errorsShown)) of \(errors.count) errors kept:")
            for error in errors.suffix(errorsShown) {
                lines.append("    " + [error.page.map { "page \($0)" }, error.personId.map { "person \($0)" }, error.message]
                    .compactMap { $0 }.joined(separator: ", "))
            }
        }
        return lines
    }

    /// `2.4 s`, `1 min 05 s`.
    static func seconds(_ value: Double) -> String {
        let value = max(value, 0)
        guard value >= 60 else { return String(format: "%.1f s", value) }
        let whole = Int(value.rounded())
        return String(format: "%d min %02d s", whole / 60, whole % 60)
    }
}
