import Foundation
import ReportCharts

extension RunReport {
    /// The report as a self-contained HTML page: charts of queue depth, in-flight messages and
    /// concurrency per function over the run, with throttles and errors marked where they
    /// happened, then the tables of the text report.
    public var html: String {
        let span = 0...max(run.durationSeconds, 1)
        let marks = series.events.map { ChartEvent(seconds: $0.at, kind: $0.kind.rawValue, label: "\($0.function): \($0.detail)") }
        let charts = [
            TimeChart(title: "Queue depth", yLabel: "visible messages", series: Self.timeSeries(series.queueDepth, .line), span: span),
            TimeChart(title: "In flight", yLabel: "in-flight messages", series: Self.timeSeries(series.inFlight, .line), span: span),
            TimeChart(
                title: "Concurrency per function", yLabel: "concurrent executions",
                series: Self.timeSeries(series.concurrency, .steps), events: marks, span: span),
        ]
        let facts: [(key: String, value: String)] = [
            ("State file", stateFile), ("Run", "\(run.id) (\(run.status.rawValue))"), ("Started", Self.timestamp(run.startedAt)),
            ("Duration", Self.seconds(run.durationSeconds)), ("Wall time of the work", Self.seconds(run.wallSeconds)),
            ("Throttles", "\(series.events.count { $0.kind == .throttle }) batches or invokes"),
            ("Errors", "\(series.events.count { $0.kind == .error }) invocations"),
            ("Estimated AWS cost", Self.dollars(cost.totalDollars)),
        ]
        var sections = [
            ReportPage.Section(heading: "Run", blocks: [.keyValues(facts)]),
            ReportPage.Section(heading: "Over time", blocks: charts.map(ReportPage.Block.timeChart)),
            ReportPage.Section(
                heading: "Functions",
                blocks: [.table(Self.table(functionsTable))] + errorsByFunction.map { .paragraph("\($0.function) errors: \($0.errors)") }),
        ]
        if !mappings.isEmpty { sections.append(ReportPage.Section(heading: "Event source mappings", blocks: [.table(Self.table(mappingsTable))])) }
        if !queues.isEmpty { sections.append(ReportPage.Section(heading: "Queues", blocks: [.table(Self.table(queuesTable))])) }
        let prices = Prices.text(cost.prices, separator: ", ")
        sections.append(ReportPage.Section(
            heading: "Estimated AWS cost",
            blocks: [
                .table(Self.table(costTable)),
                .paragraph("List prices, US East (N. Virginia), no free tier: \(prices). Override any with --price key=value."),
            ]))
        return ReportPage(title: "QueueLab run report", subtitle: "Run \(run.id) of \(stateFile)", sections: sections).render()
    }

    private static func timeSeries(_ named: [NamedSeries], _ style: TimeSeries.Style) -> [TimeSeries] {
        named.map { $0.timeSeries(style) }
    }

    private static func table(_ table: Table) -> ReportTable {
        ReportTable(header: table.header, rows: table.rows)
    }
}

extension RunReport.NamedSeries {
    /// The series as the chart module draws it (`queuelab report` and `queuelab tune`).
    public func timeSeries(_ style: TimeSeries.Style) -> TimeSeries {
        TimeSeries(name: name, points: points.compactMap { $0.count == 2 ? TimeSeries.Point(seconds: $0[0], value: $0[1]) : nil }, style: style)
    }
}
