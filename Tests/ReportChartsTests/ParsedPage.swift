import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportCharts
import Testing

/// A rendered page parsed as strict XML (libxml2 through FoundationXML): parsing fails on any
/// unescaped `<`, `&` or quote, an unclosed element or a bare attribute.
struct ParsedPage {
    let html: String
    let document: XMLDocument

    init(_ page: ReportPage) throws {
        html = page.render()
        document = try XMLDocument(xmlString: html, options: [])
    }

    /// The elements `xpath` selects.
    func elements(_ xpath: String) throws -> [XMLElement] {
        try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    /// The values of `attribute` on the elements `xpath` selects.
    func values(of attribute: String, in xpath: String) throws -> [String] {
        try elements(xpath).compactMap { $0.attribute(forName: attribute)?.stringValue }
    }

    /// The text of the elements `xpath` selects.
    func texts(_ xpath: String) throws -> [String] {
        try elements(xpath).map { $0.stringValue ?? "" }
    }

    /// A page of one section holding `blocks`.
    static func of(_ blocks: ReportPage.Block...) throws -> ParsedPage {
        try ParsedPage(ReportPage(title: "Test page", sections: [.init(heading: "Section", blocks: blocks)]))
    }
}
