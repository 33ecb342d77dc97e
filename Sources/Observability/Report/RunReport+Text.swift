import Foundation

extension RunReport {
    /// The report as `queuelab report` prints it on a terminal: the run, then tables per function,
    /// mapping and queue, then the cost estimate with every price it used.
    public var text: String {
        var lines = [
            "Run \(run.id) of \(stateFile): \(run.status), \(Self.seconds(run.durationSeconds)) "
                + "(work: \(Self.seconds(run.wallSeconds))), started \(Self.timestamp(run.startedAt))",
            "",
        ]
        lines += section("FUNCTIONS", functionsTable.map { $0 + errorLines })
        lines += section("EVENT SOURCE MAPPINGS", mappingsTable)
        lines += section("QUEUES", queuesTable)
        lines.append("ESTIMATED AWS COST (list prices, no free tier)")
        lines += TextTable.lines(
            ["ITEM", "QUANTITY", "PRICE", "DOLLARS"],
            cost.lines.map { line in
                [line.description, Self.quantity(line.quantity) + " " + line.unit, line.price, Self.dollars(line.dollars)]
            } + [["Total", "", "", Self.dollars(cost.totalDollars)]])
        lines.append("Prices: " + cost.prices.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.price($0.value))" }.joined(separator: " "))
        lines.append("(override any with --price key=value)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ table: [String]?) -> [String] {
        guard let table else { return [title, "  none", ""] }
        return [title] + table + [""]
    }

    private var functionsTable: [String]? {
        guard !functions.isEmpty else { return nil }
        return TextTable.lines(
            ["NAME", "MEMORY", "INVOCATIONS", "COLD", "THROTTLES", "ERRORS", "TIMEOUTS", "P50 MS", "P95 MS", "P99 MS", "PEAK CONC", "GB-S"],
            functions.map { function in
                [function.name, "\(function.memorySize) MB", "\(function.invocations)", "\(function.coldStarts)",
                 "\(function.throttles)", "\(function.errors.values.reduce(0, +))", "\(function.timeouts)",
                 Self.milliseconds(function.durationMs?.p50), Self.milliseconds(function.durationMs?.p95),
                 Self.milliseconds(function.durationMs?.p99),
                 "\(function.peakConcurrency)" + (function.reservedConcurrency.map { " / \($0)" } ?? ""),
                 String(format: "%.3f", function.gbSeconds)]
            })
    }

    /// Each failing function's errors by type, most frequent first.
    private var errorLines: [String] {
        functions.filter { !$0.errors.isEmpty }.map { function in
            let errors = function.errors.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return "  \(function.name) errors: " + errors.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        }
    }

    private var mappingsTable: [String]? {
        guard !mappings.isEmpty else { return nil }
        return TextTable.lines(
            ["QUEUE → FUNCTION", "BATCH SIZE", "BATCHES", "MEAN BATCH", "PEAK CONC", "MEAN CONC"],
            mappings.map { mapping in
                ["\(mapping.queue) → \(mapping.function)", "\(mapping.batchSize)", "\(mapping.batches)",
                 String(format: "%.1f", mapping.meanBatchSize),
                 "\(mapping.peakConcurrency)" + (mapping.maximumConcurrency.map { " / \($0)" } ?? ""),
                 String(format: "%.2f", mapping.meanConcurrency)]
            })
    }

    private var queuesTable: [String]? {
        guard !queues.isEmpty else { return nil }
        return TextTable.lines(
            ["NAME", "SENT", "RECEIVED", "DELETED", "DEAD-LETTERED", "MAX AGE", "REQUESTS", "RECEIVES PER MESSAGE"],
            queues.map { queue in
                let distribution = queue.receiveCounts.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
                    .map { "\($0.key)×: \($0.value)" }.joined(separator: ", ")
                return [queue.name, "\(queue.sent)", "\(queue.received)", "\(queue.deleted)", "\(queue.deadLettered)",
                        queue.maxAgeSeconds.map(Self.seconds) ?? "-", "\(queue.requests)", distribution.isEmpty ? "-" : distribution]
            })
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
