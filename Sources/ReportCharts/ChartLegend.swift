/// The key of a chart: a swatch and a name per series or event kind, in rows that wrap.
struct ChartLegend {
    enum Swatch {
        case line, mark, dot
    }

    struct Entry {
        var name: String
        var colour: String
        var swatch: Swatch
    }

    var entries: [Entry]

    static let rowHeight = 18.0
    /// A rough width of a character of the legend's 12 px text; enough to keep entries apart.
    static let characterWidth = 7.0

    /// The legend laid out from (`left`, `top`) within `width`, and the height it takes.
    func layout(left: Double, top: Double, width: Double) -> (node: SVGNode, height: Double) {
        guard !entries.isEmpty else { return (.empty, 0) }
        var nodes: [SVGNode] = []
        var x = left, row = 0.0
        for entry in entries {
            let entryWidth = 24 + Double(entry.name.count) * Self.characterWidth + 16
            if x > left, x + entryWidth > left + width {
                x = left
                row += 1
            }
            let middle = top + row * Self.rowHeight + Self.rowHeight / 2
            nodes.append(.group([swatch(entry, x: x, middle: middle), .label(entry.name, x: x + 22, y: middle + 4)]))
            x += entryWidth
        }
        return (.group(class: "legend", nodes), (row + 1) * Self.rowHeight)
    }

    private func swatch(_ entry: Entry, x: Double, middle: Double) -> SVGNode {
        switch entry.swatch {
        case .line:
            .svgElement("line", [
                .numberAttribute("x1", x), .numberAttribute("y1", middle),
                .numberAttribute("x2", x + 16), .numberAttribute("y2", middle),
                .attribute(named: "stroke", value: entry.colour), .attribute(named: "stroke-width", value: "3"),
            ])
        case .mark:
            .rectangle(x: x + 6, y: middle - 5, width: 4, height: 10, fill: entry.colour)
        case .dot:
            .circle(x: x + 8, y: middle, radius: 5, fill: entry.colour)
        }
    }
}
