import Foundation
import Observability

/// `queuelab tune`'s table, recommendation and snippet. Pure.
public enum TuneText {
    public static func lines(_ result: TuneResult, queueConfig snippet: String?) -> [String] {
        let (header, rows, notes) = table(result)
        var lines = TextTable.lines(header, rows) + notes
        if result.repeats > 1 { lines.append("Figures are medians of \(result.repeats) runs; ranges show the lowest and highest.") }
        lines.append("Prices: " + Prices.text(result.prices) + " (override any with --price key=value)")
        guard let row = result.recommendedRow else {
            lines.append("No configuration qualifies for the goal \(result.goal.rawValue) (every one dead-lettered, ended in ERROR, or was refused).")
            return lines
        }
        lines.append("")
        lines.append("★ Recommended for \(result.goal.rawValue): \(row.configuration.label)")
        if let snippet {
            lines.append("Paste into functions/\(result.integration)/integration.json (or run again with --apply):")
            lines += snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return lines
    }

    /// The comparison: a row per configuration (★ marks the recommended one), and a note for each
    /// refused or failed one.
    public static func table(_ result: TuneResult) -> (header: [String], rows: [[String]], notes: [String]) {
        let header = [
            "", "CONFIGURATION", "WALL S", "RECORDS/S", "PEAK CONC", "MEAN CONC", "COLD", "THROTTLES", "RETRIES", "CRM 429", "DLQ", "SYNCED",
            "COST $",
        ]
        var notes: [String] = []
        let rows = result.rows.enumerated().map { index, row -> [String] in
            let mark = index == result.recommended ? "★" : ""
            switch row.outcome {
            case .refused(let message):
                notes.append("\(row.configuration.label): refused: \(message)")
                return [mark, row.configuration.label, "refused"] + Array(repeating: "-", count: header.count - 3)
            case .failed(let message):
                notes.append("\(row.configuration.label): failed: \(message)")
                return [mark, row.configuration.label, "failed"] + Array(repeating: "-", count: header.count - 3)
            case .measured:
                return [
                    mark, row.configuration.label, spread(row, \.wallSeconds, "%.1f"), spread(row, \.recordsPerSecond, "%.0f"),
                    median(row) { Double($0.peakConcurrency) }, spread(row, \.meanConcurrency, "%.1f"), median(row) { Double($0.coldStarts) },
                    median(row) { Double($0.throttles) }, median(row) { Double($0.retries) }, median(row) { Double($0.rateLimited) },
                    median(row) { Double($0.deadLettered) }, median(row) { Double($0.contactsSynced) }, spread(row, \.costDollars, "%.6f"),
                ]
            }
        }
        return (header, rows, notes)
    }

    /// `12.3` for one run, `12.3 (11.9–13.0)` for several.
    static func spread(_ row: TuneRow, _ figure: (TuneMeasurement) -> Double, _ format: String) -> String {
        guard let value = row.figure(figure) else { return "-" }
        let median = String(format: format, value.median)
        return row.measurements.count > 1 ? "\(median) (\(String(format: format, value.low))–\(String(format: format, value.high)))" : median
    }

    static func median(_ row: TuneRow, _ figure: (TuneMeasurement) -> Double) -> String {
        guard let value = row.figure(figure)?.median else { return "-" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
