import Foundation
@testable import ReportCharts
import TestSupport
import Testing

@Suite("Time charts: series, steps, events and the edge cases, as markup")
struct TimeChartMarkupTests {
    static func points(_ pairs: [(Double, Double)]) -> [TimeSeries.Point] {
        pairs.map { TimeSeries.Point(seconds: $0.0, value: $0.1) }
    }

    @Test("a chart without series or events says so, and still has its svg, size and axes")
    func noData() throws {
        for chart in [
            TimeChart(title: "Empty", yLabel: "messages", series: []),
            TimeChart(title: "Empty", yLabel: "messages", series: [TimeSeries(name: "depth", points: [])]),
        ] {
            let page = try ParsedPage.of(.timeChart(chart))
            let svg = try #require(try page.elements("//*[local-name()='svg']").first)
            #expect(svg.attribute(forName: "data-chart")?.stringValue == "Empty")
            #expect(svg.attribute(forName: "class")?.stringValue == "chart time-chart")
            for attribute in ["viewBox", "width", "height"] { #expect(svg.attribute(forName: attribute) != nil) }
            #expect(try page.texts("//*[@class='no-data']") == ["no data"])
            #expect(try page.values(of: "data-series", in: "//*[@class='series']") == chart.series.map(\.name))
            #expect(!page.html.lowercased().contains("nan") && !page.html.contains("inf"))
        }
    }

    @Test("a single point is drawn as a dot; a single step holds to the end of the axis")
    func onePoint() throws {
        let page = try ParsedPage.of(.timeChart(TimeChart(title: "One", yLabel: "n", series: [
            TimeSeries(name: "dot", points: Self.points([(5, 3)])),
            TimeSeries(name: "gauge", points: Self.points([(5, 3)]), style: .steps),
        ])))
        #expect(try page.elements("//*[@data-series='dot']/*[local-name()='circle']").count == 1)
        let step = try #require(try page.values(of: "d", in: "//*[@data-series='gauge']/*[local-name()='path']").first)
        #expect(step.hasPrefix("M") && step.hasSuffix("H\(Markup.number(TimeChart.width - 20))"))
        #expect(try page.texts("//*[@class='no-data']").isEmpty)
        #expect(!page.html.lowercased().contains("nan"))
    }

    @Test("all-zero values lie on the bottom of a 0 to 1 axis")
    func allZero() throws {
        let chart = TimeChart(title: "Zero", yLabel: "errors", series: [TimeSeries(name: "errors", points: Self.points([(0, 0), (10, 0), (20, 0)]))])
        let page = try ParsedPage.of(.timeChart(chart))
        let path = try #require(try page.values(of: "d", in: "//*[@data-series='errors']/*[local-name()='path']").first)
        let bottom = Markup.number(40 + TimeChart.plotHeight)
        #expect(path == "M64 \(bottom) L422 \(bottom) L780 \(bottom)")
        #expect(try page.texts("//*[@class='axis y-axis']//*[@class='tick-label']").last == "1.0")
    }

    @Test("a step series moves horizontally then vertically; points are sorted by time, ties in order")
    func steps() throws {
        let chart = TimeChart(title: "Steps", yLabel: "concurrency", series: [
            TimeSeries(name: "workers", points: Self.points([(10, 2), (0, 0), (5, 4), (5, 1)]), style: .steps),
        ], span: 0...10)
        let page = try ParsedPage.of(.timeChart(chart))
        let path = try #require(try page.values(of: "d", in: "//*[@data-series='workers']/*[local-name()='path']").first)
        // x: 0 → 64, 5 → 422, 10 → 780; y: 0 → 260, 1 → 205, 2 → 150, 4 → 40 (axis 0 to 4).
        #expect(path == "M64 260 H422 V40 H422 V205 H780 V150 H780")
    }

    @Test("a long series is drawn with at most the maximum number of points")
    func longSeries() throws {
        let points = (0..<36_000).map { TimeSeries.Point(seconds: Double($0) / 10, value: Double($0 % 97)) }
        let page = try ParsedPage.of(.timeChart(TimeChart(title: "Long", yLabel: "n", series: [TimeSeries(name: "long", points: points)])))
        let path = try #require(try page.values(of: "d", in: "//*[@data-series='long']/*[local-name()='path']").first)
        let commands = path.filter { $0 == "M" || $0 == "L" }.count
        #expect(commands <= TimeChart.maximumPointsPerSeries && commands > TimeChart.maximumPointsPerSeries / 2)
    }

    @Test("events are grouped by kind and bucketed: a burst of 10,000 is a handful of marks")
    func events() throws {
        let burst = (0..<10_000).map { ChartEvent(seconds: 30 + Double($0) / 10_000, kind: "throttle", label: "Rate exceeded") }
        let chart = TimeChart(title: "Events", yLabel: "n", series: [TimeSeries(name: "depth", points: Self.points([(0, 1), (60, 1)]))],
                              events: burst + [ChartEvent(seconds: 12, kind: "error", label: "Task timed out")])
        let page = try ParsedPage.of(.timeChart(chart))
        #expect(try page.values(of: "data-kind", in: "//*[@class='events']") == ["error", "throttle"])
        let marks = try page.elements("//*[@data-kind='throttle']/*[local-name()='rect']")
        #expect(!marks.isEmpty && marks.count <= 6)
        let tooltips = try page.texts("//*[@data-kind='throttle']/*[local-name()='rect']/*[local-name()='title']")
        let total = tooltips.compactMap { Int($0.split(separator: "×").last?.split(separator: ",").first ?? "") }.reduce(0, +)
        #expect(total == 10_000)
        #expect(try page.texts("//*[@data-kind='error']//*[local-name()='title']") == ["error ×1, 12.0 s: Task timed out"])
        #expect(try page.texts("//*[@class='legend']//*[local-name()='text']") == ["depth", "error (1)", "throttle (10000)"])
    }

    @Test("events spread over the whole run make at most one mark per bucket")
    func spreadEvents() throws {
        let events = (0..<20_000).map { ChartEvent(seconds: Double($0) * 0.18, kind: "error", label: "boom") }
        let page = try ParsedPage.of(.timeChart(TimeChart(title: "Spread", yLabel: "n", series: [], events: events)))
        #expect(try page.elements("//*[@data-kind='error']/*[local-name()='rect']").count == TimeChart.eventBucketCount)
        #expect(try page.texts("//*[@class='no-data']").isEmpty)
    }

    @Test("event kinds keep their colour from chart to chart")
    func eventColours() {
        let alone = ChartPalette.eventColours(["throttle"])
        let together = ChartPalette.eventColours(["error", "throttle"])
        #expect(alone["throttle"] == together["throttle"])
        #expect(together["error"] != together["throttle"])
        #expect(together == ["error": "#d62728", "throttle": "#e66101"])
        #expect(Set(ChartPalette.eventColours(ChartPalette.events.indices.map { "kind \($0)" }).values).count == ChartPalette.events.count)
    }
}
