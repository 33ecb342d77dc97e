import Foundation

extension RunReport {
    /// The report as `queuelab report` prints it on a terminal: the run, then tables per function,
    /// mapping and queue, then the cost estimate with every price it used.
    public var text: String {
        var lines = [
            "Run \(run.id) of \(stateFile): \(run.status.rawValue), \(Self.seconds(run.durationSeconds)) "
                + "(work: \(Self.seconds(run.wallSeconds))), started \(Self.timestamp(run.startedAt))",
            "",
        ]
        lines += section("FUNCTIONS", functionsTable, after: errorsByFunction.map { "  \($0.function) errors: \($0.errors)" })
        lines += section("EVENT SOURCE MAPPINGS", mappingsTable)
        lines += section("QUEUES", queuesTable)
        lines.append("ESTIMATED AWS COST (list prices, no free tier)")
        lines += TextTable.lines(costTable.header, costTable.rows)
        lines.append("Prices: " + Prices.text(cost.prices))
        lines.append("(override any with --price key=value)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ table: (header: [String], rows: [[String]]), after: [String] = []) -> [String] {
        guard !table.rows.isEmpty else { return [title, "  none", ""] }
        return [title] + TextTable.lines(table.header, table.rows) + after + [""]
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.1f s", value)
    }

    static func milliseconds(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "-"
    }

    static func quantity(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }

    static func dollars(_ value: Double) -> String {
        value >= 0.01 ? String(format: "$%.2f", value) : String(format: "$%.6f", value)
    }

    /// A price in plain decimals (0.0000166667, not 1.66667e-05), as AWS's pages write them.
    static func price(_ value: Double) -> String {
        var text = String(format: "%.12f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon))
    }
}
