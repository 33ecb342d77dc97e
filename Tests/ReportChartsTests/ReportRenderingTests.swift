import Foundation
import ReportCharts
import TestSupport
import Testing

/// A whole run report rendered by a real browser: the page must draw (not a blank screenshot)
/// and keep the markup other tests look for.
@Suite("A report page renders in headless Chromium")
struct ReportRenderingTests {
    /// A ten-minute run: the queue fills and drains, two functions scale in steps, throttles come
    /// in a burst at the peak and errors now and then.
    static func runReport() -> ReportPage {
        let seconds = stride(from: 0.0, through: 600, by: 0.5)
        let depth = seconds.map { TimeSeries.Point(seconds: $0, value: max(0, 10_000 * sin($0 / 600 * .pi) - $0 * 5)) }
        let inFlight = seconds.map { TimeSeries.Point(seconds: $0, value: 400 * sin($0 / 600 * .pi) + Double(Int($0) % 37)) }
        let concurrency = { (limit: Double, phase: Double) in
            stride(from: 0.0, through: 600, by: 15).map { TimeSeries.Point(seconds: $0, value: min(limit, (($0 + phase) / 40).rounded(.down))) }
        }
        let throttles = (0..<3_000).map { ChartEvent(seconds: 240 + Double($0) / 50, kind: "throttle", label: "Rate exceeded (fetch-person-page)") }
        let errors = stride(from: 35.0, to: 600, by: 70).map { ChartEvent(seconds: $0, kind: "error", label: "Task timed out after 30.00 seconds") }
        return ReportPage(title: "Run report: ScalingTest initial sync", subtitle: "10,000 records, 3 configurations, 10:00", sections: [
            .init(heading: "Summary", blocks: [
                .keyValues([("Wall time", "9:58"), ("Throughput", "16.7 records/s"), ("Throttles", "3,000"), ("Dead letters", "2")]),
                .paragraph("The queue peaked at four minutes, when reserved concurrency throttled the pollers."),
            ]),
            .init(heading: "Over time", blocks: [
                .timeChart(TimeChart(title: "Queue", yLabel: "messages", series: [
                    TimeSeries(name: "queue depth", points: depth),
                    TimeSeries(name: "in flight", points: inFlight),
                ], events: throttles + errors, span: 0...600)),
                .timeChart(TimeChart(title: "Concurrency", yLabel: "environments", series: [
                    TimeSeries(name: "fetch-person-page", points: concurrency(5, 0), style: .steps),
                    TimeSeries(name: "process-person-batch", points: concurrency(10, 100), style: .steps),
                ], events: errors, span: 0...600)),
            ]),
            .init(heading: "Configurations", blocks: [
                .scatterChart(ScatterChart(title: "Throughput vs cost", xLabel: "records/s", yLabel: "$ per million records", points: [
                    .init(label: "batch 1 × 5", x: 6.2, y: 1.90),
                    .init(label: "batch 10 × 5", x: 16.7, y: 0.48, isHighlighted: true),
                    .init(label: "batch 10 × 20", x: 21.3, y: 1.12),
                ])),
                .table(ReportTable(header: ["configuration", "records/s", "p95 latency", "throttles", "dead letters"], rows: [
                    ["batch 1 × 5", "6.2", "1.4 s", "0", "0"],
                    ["batch 10 × 5", "16.7", "2.9 s", "3,000", "2"],
                    ["batch 10 × 20", "21.3", "3.8 s", "0", "0"],
                ])),
            ]),
        ])
    }

    @Test("the screenshot is drawn, not blank, and the page keeps its series, charts and table")
    func rendersInChromium() async throws {
        let directory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = Self.runReport()
        let htmlPath = directory + "/report.html", pngPath = directory + "/report.png"
        try page.render().write(toFile: htmlPath, atomically: true, encoding: .utf8)

        try await Chromium.screenshot(of: htmlPath, to: pngPath, width: 1000, height: 1800)
        let png = try await PNGStatistics.measure(pngPath)
        #expect(png.width == 1000 && png.height == 1800)
        #expect(png.background == "ffffff")
        // Lines, marks, text and anti-aliasing give hundreds of colours; a blank page has one.
        #expect(png.distinctColours >= 50, "\(png)")
        #expect(png.nonBackgroundShare > 0.03 && png.nonBackgroundShare < 0.6, "\(png)")

        let parsed = try ParsedPage(page)
        #expect(try parsed.values(of: "data-chart", in: "//*[local-name()='svg']") == ["Queue", "Concurrency", "Throughput vs cost"])
        #expect(try parsed.values(of: "data-series", in: "//*[@class='series']")
            == ["queue depth", "in flight", "fetch-person-page", "process-person-batch"])
        #expect(try parsed.values(of: "data-kind", in: "//*[@class='events']") == ["error", "throttle", "error"])
        #expect(try parsed.elements("//table[@class='data']/tbody/tr").count == 3)
    }
}
