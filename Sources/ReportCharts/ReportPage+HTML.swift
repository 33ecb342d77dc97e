import Plot

extension ReportPage {
    /// The complete HTML5 document (see the markup contract on `ReportPage`).
    public func render() -> String {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.escapedText(title)]),
                .style(PageStyle.css)
            ),
            .body(
                .main(
                    .class("report"),
                    .header(
                        .h1(.escapedText(title)),
                        subtitle.map { .p(.class("subtitle"), .escapedText($0)) } ?? .empty
                    ),
                    .group(sections.map(Self.sectionNode))
                )
            )
        ).render()
    }

    private static func sectionNode(_ section: Section) -> Node<HTML.BodyContext> {
        .section(.class("report-section"), .h2(.escapedText(section.heading)), .group(section.blocks.map(blockNode)))
    }

    private static func blockNode(_ block: Block) -> Node<HTML.BodyContext> {
        switch block {
        case .paragraph(let text):
            .p(.escapedText(text))
        case .table(let table):
            tableNode(table)
        case .timeChart(let chart):
            .element(named: "figure", nodes: [.class("chart-figure"), .component(chart.svg())])
        case .scatterChart(let chart):
            .element(named: "figure", nodes: [.class("chart-figure"), .component(chart.svg())])
        case .keyValues(let pairs):
            .dl(.class("facts"), .group(pairs.map { pair in
                .div(.dt(.escapedText(pair.key)), .dd(.escapedText(pair.value)))
            }))
        }
    }

    private static func tableNode(_ table: ReportTable) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .class("data"),
                .thead(.tr(.group(table.header.enumerated().map { index, heading in
                    .th(table.isNumericColumn(index) ? .class("num") : .empty, .escapedText(heading))
                }))),
                .tbody(.group(table.rows.map { row in
                    .tr(.group(row.map { cell in
                        .td(ReportTable.looksNumeric(cell) ? .class("num") : .empty, .escapedText(cell))
                    }))
                }))
            )
        )
    }
}
