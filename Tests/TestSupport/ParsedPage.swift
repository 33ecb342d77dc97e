import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A rendered HTML page parsed as strict XML (libxml2 through FoundationXML): parsing fails on any
/// unescaped `<`, `&` or quote, an unclosed element or a bare attribute.
public struct ParsedPage {
    public let html: String
    public let document: XMLDocument

    public init(html: String) throws {
        self.html = html
        document = try XMLDocument(xmlString: html, options: [])
    }

    /// The elements `xpath` selects.
    public func elements(_ xpath: String) throws -> [XMLElement] {
        try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    /// The values of `attribute` on the elements `xpath` selects.
    public func values(of attribute: String, in xpath: String) throws -> [String] {
        try elements(xpath).compactMap { $0.attribute(forName: attribute)?.stringValue }
    }

    /// The text of the elements `xpath` selects.
    public func texts(_ xpath: String) throws -> [String] {
        try elements(xpath).map { $0.stringValue ?? "" }
    }
}
