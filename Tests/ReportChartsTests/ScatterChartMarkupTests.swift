@testable import ReportCharts
import TestSupport
import Testing

@Suite("Scatter charts: labelled points, one highlighted")
struct ScatterChartMarkupTests {
    static let configurations = [
        ScatterChart.Point(label: "batch 1, 5 workers", x: 120, y: 0.42),
        ScatterChart.Point(label: "batch 10, 5 workers", x: 610, y: 0.18, isHighlighted: true),
        ScatterChart.Point(label: "batch 10, 20 workers", x: 980, y: 0.61),
    ]

    @Test("every point has its label, tooltip and circle; the highlighted one is marked and in the legend")
    func points() throws {
        let page = try ParsedPage.of(.scatterChart(ScatterChart(
            title: "Throughput vs cost", xLabel: "messages/s", yLabel: "$ per 1M messages", points: Self.configurations)))
        #expect(try page.values(of: "class", in: "//*[local-name()='svg']") == ["chart scatter-chart"])
        #expect(Set(try page.values(of: "data-label", in: "//*[@class='points']/*")) == Set(Self.configurations.map(\.label)))
        #expect(try page.values(of: "data-label", in: "//*[@class='point highlighted']") == ["batch 10, 5 workers"])
        #expect(try page.texts("//*[@data-label='batch 1, 5 workers']/*[local-name()='title']") == ["batch 1, 5 workers: 120, 0.42"])
        #expect(try page.elements("//*[@class='point highlighted']/*[local-name()='circle']").count == 2)
        #expect(try page.texts("//*[@class='legend']//*[local-name()='text']") == ["batch 10, 5 workers"])
        #expect(try page.texts("//*[@class='axis x-axis']/*[@class='axis-title']") == ["messages/s"])
    }

    @Test("no points, or one point, still make a chart", arguments: [0, 1])
    func fewPoints(count: Int) throws {
        let page = try ParsedPage.of(.scatterChart(ScatterChart(
            title: "Few", xLabel: "x", yLabel: "y", points: Array(Self.configurations.prefix(count)))))
        #expect(try page.texts("//*[@class='no-data']").count == (count == 0 ? 1 : 0))
        #expect(try page.elements("//*[@class='points']/*").count == count)
        #expect(!page.html.lowercased().contains("nan"))
    }

    @Test("the axes leave room around the points", arguments: [
        ([5.0, 5.0], 4.5...5.5), ([0.0], -1.0...1.0), ([10.0, 20.0], 9.5...20.5), ([Double](), 0.0...1.0),
    ])
    func padding(values: [Double], range: ClosedRange<Double>) {
        #expect(ScatterChart.padded(values) == range)
    }
}
