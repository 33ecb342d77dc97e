import ReportCharts
import TestSupport

extension ParsedPage {
    init(_ page: ReportPage) throws {
        try self.init(html: page.render())
    }

    /// A page of one section holding `blocks`.
    static func of(_ blocks: ReportPage.Block...) throws -> ParsedPage {
        try ParsedPage(ReportPage(title: "Test page", sections: [.init(heading: "Section", blocks: blocks)]))
    }
}
