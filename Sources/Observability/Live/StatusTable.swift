/// A table of the status board fitted to the terminal's width: the name column first, then the
/// columns that fit. On a narrow terminal the columns of lowest priority go first, and names too
/// long are cut with `…`, so that no line ever wraps (a wrapped line would break the in-place
/// redraw, which counts on one terminal row per line).
struct StatusTable<Row>: Sendable {
    struct Column: Sendable {
        let title: String
        /// Higher stays longer as the terminal narrows.
        let priority: Int
        let cell: @Sendable (Row) -> (text: String, tone: StyledLine.Tone)

        init(_ title: String, priority: Int, cell: @escaping @Sendable (Row) -> (text: String, tone: StyledLine.Tone)) {
            self.title = title
            self.priority = priority
            self.cell = cell
        }
    }

    /// Spaces between columns.
    static var gap: Int { 2 }
    /// Names are given at least this many columns before a value column is dropped for them.
    static var minimumNameWidth: Int { 12 }

    let nameTitle: String
    let name: @Sendable (Row) -> String
    let columns: [Column]

    /// A heading line, then one line per row, none wider than `width`.
    func lines(for rows: [Row], width: Int) -> [StyledLine] {
        let names = rows.map(name)
        let cells = rows.map { row in columns.map { $0.cell(row) } }
        let widths = columns.indices.map { index in
            cells.reduce(columns[index].title.count) { max($0, $1[index].text.count) }
        }
        let nameNeeded = names.reduce(nameTitle.count) { max($0, $1.count) }
        let nameMinimum = min(nameNeeded, Self.minimumNameWidth)

        var kept = Array(columns.indices)
        func valuesWidth() -> Int { kept.reduce(0) { $0 + Self.gap + widths[$1] } }
        while nameMinimum + valuesWidth() > width,
            let weakest = kept.min(by: { columns[$0].priority < columns[$1].priority })
        {
            kept.removeAll { $0 == weakest }
        }
        let nameWidth = max(0, min(nameNeeded, width - valuesWidth()))

        func line(name: String, nameTone: StyledLine.Tone, values: [(text: String, tone: StyledLine.Tone)]) -> StyledLine {
            var line = StyledLine()
            let shown = StyledLine.truncated(name, to: nameWidth)
            line.append(shown, nameTone)
            // The name is padded by the first value's spaces, so a line without values has no trailing ones.
            var padding = nameWidth - shown.count
            for index in kept {
                let value = values[index]
                line.append(String(repeating: " ", count: padding + Self.gap + widths[index] - value.text.count))
                line.append(value.text, value.tone)
                padding = 0
            }
            return line.clipped(to: width)
        }

        var lines = [line(name: nameTitle, nameTone: .heading, values: columns.map { ($0.title, .heading) })]
        for (rowName, rowCells) in zip(names, cells) {
            lines.append(line(name: rowName, nameTone: .plain, values: rowCells))
        }
        return lines
    }
}
