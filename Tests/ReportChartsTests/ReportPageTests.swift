@testable import ReportCharts
import TestSupport
import Testing

@Suite("Report pages: a complete, self-contained document with escaped text")
struct ReportPageTests {
    static let awkward = #"a<b> & "c" 'd' &lt; R&amp;D"#

    @Test("every caller-supplied text and name reaches the page exactly, whatever it contains")
    func escaping() throws {
        let chart = TimeChart(title: Self.awkward, yLabel: Self.awkward,
                              series: [TimeSeries(name: Self.awkward, points: [.init(seconds: 1, value: 2)])],
                              events: [ChartEvent(seconds: 1, kind: Self.awkward, label: Self.awkward)])
        let page = try ParsedPage(ReportPage(title: Self.awkward, subtitle: Self.awkward, sections: [
            .init(heading: Self.awkward, blocks: [
                .paragraph(Self.awkward),
                .table(ReportTable(header: [Self.awkward], rows: [[Self.awkward]])),
                .timeChart(chart),
                .scatterChart(ScatterChart(title: "s", xLabel: Self.awkward, yLabel: "y", points: [.init(label: Self.awkward, x: 1, y: 1)])),
                .keyValues([(Self.awkward, Self.awkward)]),
            ]),
        ]))
        #expect(try page.texts("/html/head/title") == [Self.awkward])
        #expect(try page.texts("//h1 | //p[@class='subtitle'] | //h2 | //section/p") == Array(repeating: Self.awkward, count: 4))
        #expect(try page.texts("//table[@class='data']//th | //table[@class='data']//td") == [Self.awkward, Self.awkward])
        #expect(try page.texts("//dl[@class='facts']/div/dt | //dl[@class='facts']/div/dd") == [Self.awkward, Self.awkward])
        #expect(try page.values(of: "data-chart", in: "//*[@class='chart time-chart']") == [Self.awkward])
        #expect(try page.values(of: "data-series", in: "//*[@class='series']") == [Self.awkward])
        #expect(try page.texts("//*[@class='series']/*[local-name()='title']") == [Self.awkward])
        #expect(try page.values(of: "data-kind", in: "//*[@class='events']") == [Self.awkward])
        #expect(try page.values(of: "data-label", in: "//*[@class='point']") == [Self.awkward])
    }

    @Test("characters XML forbids are replaced, so the page still parses")
    func controlCharacters() throws {
        let page = try ParsedPage.of(.paragraph("bell\u{7}"))
        #expect(try page.texts("//section/p") == ["bell\u{FFFD}"])
    }

    @Test("the page loads nothing: no scripts, links, images or remote URLs")
    func selfContained() throws {
        let page = try ParsedPage.of(.paragraph("text"), .timeChart(TimeChart(title: "t", yLabel: "y", series: [])))
        for needle in ["<script", "<link", "<img", "src=", "href=", "url(", "@import", "http:", "https:"] {
            #expect(!page.html.contains(needle), "page contains \(needle)")
        }
        #expect(page.html.hasPrefix("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"/>"))
        #expect(try page.elements("/html/head/style").count == 1)
    }

    @Test("numeric-looking cells are right-aligned, and so are the headers of numeric columns")
    func numericCells() throws {
        for cell in ["0", "1,234", "-0.5", "+3", "98%", "98 %", "$0.42", "€1.20", "12.5 ms", "1:05", "1:02:03", "40 msg/s", "512 MB", "3.2k", "1 000 000"] {
            #expect(ReportTable.looksNumeric(cell), "\(cell)")
        }
        for cell in ["", "abc", "v1", "worker-3", "3 retries", "n/a", "—", "1-2", "FIFO queue 2"] {
            #expect(!ReportTable.looksNumeric(cell), "\(cell)")
        }
        let page = try ParsedPage.of(.table(ReportTable(
            header: ["configuration", "messages/s", "note"],
            rows: [["batch 1", "120.5", "slow"], ["batch 10", "1,480", "7"], ["batch 20", "", "ok"]])))
        #expect(try page.values(of: "class", in: "//th") == ["num"])
        #expect(try page.texts("//th[@class='num']") == ["messages/s"])
        #expect(try page.texts("//td[@class='num']") == ["120.5", "1,480", "7"])
    }
}
