/// The plot area of a chart, the mapping of data values onto it, and its axes.
struct ChartFrame {
    var left: Double
    var top: Double
    var width: Double
    var height: Double
    var xDomain: ClosedRange<Double>
    var yDomain: ClosedRange<Double>

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The horizontal position of `value`; values outside the domain land outside the area.
    func x(_ value: Double) -> Double {
        left + Self.fraction(value, of: xDomain) * width
    }

    /// The vertical position of `value`, larger values higher up.
    func y(_ value: Double) -> Double {
        bottom - Self.fraction(value, of: yDomain) * height
    }

    private static func fraction(_ value: Double, of domain: ClosedRange<Double>) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return span > 0 ? (value - domain.lowerBound) / span : 0.5
    }

    /// A grid line and a label at each tick, and `title` written upwards along the left edge.
    func yAxis(_ ticks: AxisTicks, title: String) -> SVGNode {
        .group(class: "axis y-axis", ticks.values.map { value in
            .group([
                .line(from: (left, y(value)), to: (right, y(value)), class: "grid"),
                .label(ticks.numberLabel(value), x: left - 6, y: y(value) + 4, anchor: "end", class: "tick-label"),
            ])
        } + [
            .svgElement("text", [
                .attribute(named: "class", value: "axis-title"),
                .attribute(named: "transform", value: "rotate(-90)"),
                .numberAttribute("x", -(top + height / 2)), .numberAttribute("y", 14),
                .attribute(named: "text-anchor", value: "middle"),
                .escapedText(title),
            ]),
        ])
    }

    /// The bottom edge, a tick mark and a label (at `labelY`) per tick, and `title` at the right
    /// end under the labels.
    func xAxis(_ ticks: AxisTicks, labelY: Double, label: (Double) -> String, title: String?) -> SVGNode {
        .group(class: "axis x-axis", [.line(from: (left, bottom), to: (right, bottom), class: "axis-line")]
            + ticks.values.map { value in
                .group([
                    .line(from: (x(value), bottom), to: (x(value), bottom + 4), class: "axis-line"),
                    .label(label(value), x: x(value), y: labelY, anchor: "middle", class: "tick-label"),
                ])
            }
            + [title.map { .label($0, x: right, y: labelY + 16, anchor: "end", class: "axis-title") } ?? .empty])
    }
}
