import Foundation

/// A table of a report: a header row and rows of text. Cells that look like numbers (`1,234`,
/// `-0.5`, `98%`, `$0.42`, `12.5 ms`, `1:05`, `40 msg/s`) are right-aligned so that digits line up.
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    /// Rows may be shorter or longer than the header; short rows are not padded.
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Whether `cell` reads as a number: an optional sign and currency symbol, a digit, then
    /// digits and separators (`,` `.` `_` `:` spaces), then optionally `%` or a short unit.
    static func looksNumeric(_ cell: String) -> Bool {
        let text = cell.trimmingCharacters(in: .whitespaces)
        return text.wholeMatch(of: /[-+−]?[$€£]?\d[\d,._: ]*(\s?(%|×|[A-Za-zµ]{1,3}(\/[A-Za-z]{1,3})?))?/) != nil
    }

    /// Whether every non-empty cell of column `index` looks numeric, so that its header is
    /// right-aligned too.
    func isNumericColumn(_ index: Int) -> Bool {
        let cells = rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }.filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy(Self.looksNumeric)
    }
}
