import BenchmarkSupport
import Foundation

/// The comparison as a Markdown table: one row per measure, one column per client; over several
/// rounds each cell is the range of the rounds' figures.
struct ComparisonTable {
    /// One row: a measure and how to read it off a client's figures of one round.
    struct Measure: Sendable {
        let label: String
        let value: @Sendable (ClientFigures) -> Double
        var format: @Sendable (Double) -> String = ComparisonTable.significant
    }

    static let measures: [Measure] = [
        Measure(label: "warm GET, median µs") { micro($0.warm.median(.get)) },
        Measure(label: "warm GET, p99 µs") { micro($0.warm.p99(.get)) },
        Measure(label: "warm POST, median µs") { micro($0.warm.median(.post)) },
        Measure(label: "warm POST, p99 µs") { micro($0.warm.p99(.post)) },
        Measure(label: "client CPU per GET, µs") { micro($0.warm.cpuPerRequest(.get)) },
        Measure(label: "client CPU per POST, µs") { micro($0.warm.cpuPerRequest(.post)) },
        Measure(label: "connections a warm run opened", value: { Double($0.warmConnections) }, format: { String(Int($0)) }),
        Measure(label: "cold: spawn → first response, median ms") { milli(median($0.firstResponse)) },
        Measure(label: "cold: spawn → exit, median ms") { milli(median($0.exit)) },
        Measure(label: "cold: process CPU, median ms") { milli(median($0.processCPU)) },
        Measure(label: "cold: max RSS, median MiB") { Double(median($0.maxResident)) / 1_048_576 },
    ]

    let clients: [String]
    /// Rows that do not change from round to round (binary sizes), already formatted.
    var fixedRows: [(label: String, cells: [String])] = []

    /// `rounds[round][client]`.
    func render(_ rounds: [[ClientFigures]]) -> String {
        var lines = ["| measure | " + clients.joined(separator: " | ") + " |", "| --- |" + String(repeating: " --- |", count: clients.count)]
        for measure in Self.measures {
            let cells = clients.indices.map { client in
                Self.range(rounds.map { measure.value($0[client]) }, format: measure.format)
            }
            lines.append("| \(measure.label) | " + cells.joined(separator: " | ") + " |")
        }
        for row in fixedRows {
            lines.append("| \(row.label) | " + row.cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// `low–high`, or one figure when both read the same.
    static func range(_ values: [Double], format: (Double) -> String) -> String {
        guard let low = values.min(), let high = values.max() else { return "—" }
        let (lowText, highText) = (format(low), format(high))
        return lowText == highText ? lowText : "\(lowText)–\(highText)"
    }

    /// Three significant figures or so: 123, 12.3, 1.23.
    static func significant(_ value: Double) -> String {
        String(format: value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value)
    }

    private static func micro(_ nanoseconds: UInt64?) -> Double { Double(nanoseconds ?? 0) / 1_000 }
    private static func milli(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }
    private static func median(_ values: [UInt64]) -> UInt64 { LatencySummary.percentile(50, of: values.sorted()) }
}
