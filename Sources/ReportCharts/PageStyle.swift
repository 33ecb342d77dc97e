/// The page's only style sheet, inlined in `<style>`: system fonts, no downloads. It contains no
/// `<` or `&`, so that the page stays well-formed XML.
enum PageStyle {
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #1d2330;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        main.report { max-width: 860px; margin: 0 auto; padding: 24px 20px 48px; }
        header h1 { margin: 0 0 4px; font-size: 24px; }
        header .subtitle { margin: 0; color: #5b6475; }
        section.report-section { margin-top: 32px; }
        section.report-section h2 { font-size: 18px; margin: 0 0 12px; padding-bottom: 4px; border-bottom: 1px solid #e3e6eb; }
        figure.chart-figure { margin: 12px 0 20px; }
        svg.chart { display: block; max-width: 100%; height: auto; background: #ffffff; }
        svg.chart text { font-family: inherit; font-size: 12px; fill: #1d2330; }
        svg.chart .chart-title { font-size: 15px; font-weight: 600; }
        svg.chart .tick-label { font-size: 11px; fill: #5b6475; }
        svg.chart .axis-title { fill: #3a4252; }
        svg.chart .grid { stroke: #e9ecf1; stroke-width: 1; }
        svg.chart .axis-line { stroke: #8a93a3; stroke-width: 1; }
        svg.chart .no-data { font-size: 14px; fill: #8a93a3; }
        svg.chart .point-label { font-size: 11px; }
        svg.chart .highlighted .point-label { font-weight: 700; }
        .table-wrap { overflow-x: auto; margin: 12px 0 20px; }
        table.data { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        table.data th, table.data td { padding: 5px 12px; border-bottom: 1px solid #e3e6eb; text-align: left; }
        table.data th { background: #f4f6f9; font-weight: 600; }
        table.data .num { text-align: right; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 8px 16px; margin: 12px 0; }
        dl.facts div { padding: 8px 12px; background: #f4f6f9; border-radius: 6px; }
        dl.facts dt { font-size: 12px; color: #5b6475; }
        dl.facts dd { margin: 0; font-size: 16px; font-weight: 600; }
        """
}
