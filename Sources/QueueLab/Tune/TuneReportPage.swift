import Foundation
import IntegrationManifest
import Observability
import ReportCharts

/// `queuelab tune --html` and `--json`: the comparison as a self-contained page (inline SVG, the
/// run report's chart module), and the raw figures and series.
public enum TuneReportPage {
    public static func html(_ result: TuneResult) -> String {
        let names = IntegrationNames(integration: result.integration)
        let (header, rows, notes) = TuneText.table(result)
        var sections = [
            ReportPage.Section(
                heading: "Comparison",
                blocks: [.table(ReportTable(header: header, rows: rows))] + notes.map(ReportPage.Block.paragraph) + [
                    .paragraph(result.recommendedRow.map { "★ Recommended for \(result.goal.rawValue): \($0.configuration.label)" }
                        ?? "No configuration qualifies for the goal \(result.goal.rawValue).")
                ]),
            ReportPage.Section(heading: "Throughput and cost", blocks: [.scatterChart(tradeOff(result))]),
        ]
        for (index, row) in result.rows.enumerated() {
            guard let measurement = row.measurements.first else { continue }
            let series = measurement.series
            let span = 0...max(measurement.wallSeconds, 1)
            let mark = index == result.recommended ? " ★" : ""
            sections.append(ReportPage.Section(
                heading: "\(row.configuration.label)\(mark)",
                blocks: [
                    .timeChart(TimeChart(
                        title: "Queue depth", yLabel: "visible messages",
                        series: series.queueDepth.filter { $0.name == names.queueName }.map { $0.timeSeries(.line) }, span: span)),
                    .timeChart(TimeChart(
                        title: "In flight", yLabel: "in-flight messages",
                        series: series.inFlight.filter { $0.name == names.queueName }.map { $0.timeSeries(.line) }, span: span)),
                    .timeChart(TimeChart(
                        title: "Concurrency", yLabel: "concurrent executions",
                        series: series.concurrency.filter { $0.name == names.functionName }.map { $0.timeSeries(.steps) }, span: span)),
                ]))
        }
        let prices = Prices.text(result.prices, separator: ", ")
        sections.append(ReportPage.Section(heading: "Prices", blocks: [.paragraph("\(prices). Override any with --price key=value.")]))
        return ReportPage(title: "QueueLab tune: \(result.integration)", subtitle: "Goal: \(result.goal.rawValue)", sections: sections).render()
    }

    /// Records per second against the estimated cost, a point per measured configuration (medians).
    static func tradeOff(_ result: TuneResult) -> ScatterChart {
        let points = result.rows.enumerated().compactMap { index, row -> ScatterChart.Point? in
            guard let cost = row.figure(\.costDollars)?.median, let rate = row.figure(\.recordsPerSecond)?.median else { return nil }
            return ScatterChart.Point(label: row.configuration.label, x: cost, y: rate, isHighlighted: index == result.recommended)
        }
        return ScatterChart(title: "Throughput against cost", xLabel: "estimated AWS cost ($)", yLabel: "records/s", points: points)
    }

    /// Every row with every measurement and its series, as JSON.
    public static func json(_ result: TuneResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(result)
    }
}
