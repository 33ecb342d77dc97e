import Foundation
import Plot

extension ScatterChart {
    static let width = 800.0
    static let plotHeight = 300.0
    static let pointColour = ChartPalette.series(at: 0)
    static let highlightColour = ChartPalette.series(at: 1)

    /// The chart as `<svg class="chart scatter-chart" data-chart="TITLE">`: axes, and in
    /// `<g class="points">` a `<g class="point" data-label="LABEL">` per point (class
    /// `point highlighted` for the highlighted one) with a circle, its label and a tooltip.
    func svg() -> SVGNode {
        let drawn = points.filter { $0.x.isFinite && $0.y.isFinite }
        let xTicks = AxisTicks.nice(covering: Self.padded(drawn.map(\.x)), count: 6)
        let yTicks = AxisTicks.nice(covering: Self.padded(drawn.map(\.y)))
        let frame = ChartFrame(
            left: 64, top: 40, width: Self.width - 64 - 20, height: Self.plotHeight, xDomain: xTicks.domain, yDomain: yTicks.domain)
        let labelY = frame.bottom + 18
        let legend = ChartLegend(entries: drawn.contains(where: \.isHighlighted)
            ? [.init(name: drawn.filter(\.isHighlighted).map(\.label).joined(separator: ", "), colour: Self.highlightColour, swatch: .dot)]
            : []
        ).layout(left: frame.left, top: labelY + 24, width: frame.width)
        // Highlighted points last, so that they are drawn on top.
        let ordered = drawn.filter { !$0.isHighlighted } + drawn.filter(\.isHighlighted)
        return .chart(title: title, kind: "scatter-chart", width: Self.width, height: labelY + 24 + legend.height + 8, [
            frame.yAxis(yTicks, title: yLabel),
            frame.xAxis(xTicks, labelY: labelY, label: xTicks.numberLabel, title: xLabel),
            .group(class: "points", ordered.map { Self.pointNode($0, frame: frame) }),
            drawn.isEmpty ? .label("no data", x: frame.left + frame.width / 2, y: frame.top + frame.height / 2, anchor: "middle", class: "no-data") : .empty,
            legend.node,
        ])
    }

    /// The range of `values` with 5 % room on both sides, so that no point sits on an edge; one
    /// value gets 10 % of itself (or 1) on each side.
    static func padded(_ values: [Double]) -> ClosedRange<Double> {
        guard let lowest = values.min(), let highest = values.max() else { return 0...1 }
        let room = highest > lowest ? (highest - lowest) * 0.05 : (lowest == 0 ? 1 : abs(lowest) * 0.1)
        return (lowest - room)...(highest + room)
    }

    /// A coordinate as the tooltip shows it: with at most three decimals, and no trailing zeros.
    static func valueText(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private static func pointNode(_ point: Point, frame: ChartFrame) -> SVGNode {
        let x = frame.x(point.x), y = frame.y(point.y)
        // Labels of points in the right quarter go to their left, to stay inside the chart.
        let labelOnLeft = x > frame.left + frame.width * 0.75
        return .svgElement("g", [
            .attribute(named: "class", value: point.isHighlighted ? "point highlighted" : "point"),
            .escapedAttribute("data-label", point.label),
            .tooltip("\(point.label): \(valueText(point.x)), \(valueText(point.y))"),
            point.isHighlighted
                ? .circle(x: x, y: y, radius: 9, fill: "none", extra: [
                    .attribute(named: "stroke", value: highlightColour), .attribute(named: "stroke-width", value: "2"),
                ])
                : .empty,
            .circle(x: x, y: y, radius: point.isHighlighted ? 5.5 : 4.5, fill: point.isHighlighted ? highlightColour : pointColour),
            .label(point.label, x: labelOnLeft ? x - 12 : x + 12, y: y - 8, anchor: labelOnLeft ? "end" : "start", class: "point-label"),
        ])
    }
}
