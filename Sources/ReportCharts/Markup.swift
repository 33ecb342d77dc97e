import Foundation
import Plot
import Primitives

/// How text reaches the markup. Plot 0.14 writes attribute values as given, and its text escaping
/// leaves entity-like sequences alone (`R&amp;D` would show as `R&D`), so every caller-supplied
/// string goes through `XMLText.escape` and into the document with Plot's `.raw` or `.attribute`.
enum Markup {
    /// A coordinate or length for SVG: at most one decimal, no trailing `.0`; beyond ±1e9 (far
    /// off any chart) clamped.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let integer = Int((min(max(value, -1e9), 1e9) * 10).rounded())
        let sign = integer < 0 ? "-" : ""
        let magnitude = integer.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

/// The context of SVG elements; Plot has no SVG vocabulary, so they are custom elements.
enum SVGContext {}

typealias SVGNode = Node<SVGContext>

extension Node {
    /// Text content, completely escaped (see `Markup`).
    static func escapedText(_ text: String) -> Node {
        .raw(XMLText.escape(text))
    }

    /// An attribute whose value is completely escaped; an empty value leaves the attribute out.
    static func escapedAttribute(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: XMLText.escape(value))
    }

    /// An attribute holding a coordinate or length.
    static func numberAttribute(_ name: String, _ value: Double) -> Node {
        .attribute(named: name, value: Markup.number(value))
    }
}

extension Node where Context == SVGContext {
    static func svgElement(_ name: String, _ nodes: [SVGNode]) -> SVGNode {
        .element(named: name, nodes: nodes)
    }

    static func group(class className: String, _ nodes: [SVGNode]) -> SVGNode {
        .svgElement("g", [.attribute(named: "class", value: className)] + nodes)
    }

    /// A `<title>`: the tooltip of its parent element.
    static func tooltip(_ text: String) -> SVGNode {
        .svgElement("title", [.escapedText(text)])
    }

    /// A `<text>` at (x, y); `anchor` is `start`, `middle` or `end`.
    static func label(_ text: String, x: Double, y: Double, anchor: String = "start", class className: String? = nil) -> SVGNode {
        .svgElement("text", [
            .numberAttribute("x", x), .numberAttribute("y", y),
            anchor == "start" ? .empty : .attribute(named: "text-anchor", value: anchor),
            className.map { .attribute(named: "class", value: $0) } ?? .empty,
            .escapedText(text),
        ])
    }

    static func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), class className: String) -> SVGNode {
        .svgElement("line", [
            .attribute(named: "class", value: className),
            .numberAttribute("x1", start.x), .numberAttribute("y1", start.y),
            .numberAttribute("x2", end.x), .numberAttribute("y2", end.y),
        ])
    }

    static func rectangle(x: Double, y: Double, width: Double, height: Double, fill: String, extra: [SVGNode] = []) -> SVGNode {
        .svgElement("rect", [
            .numberAttribute("x", x), .numberAttribute("y", y),
            .numberAttribute("width", width), .numberAttribute("height", height),
            .attribute(named: "fill", value: fill),
        ] + extra)
    }

    static func circle(x: Double, y: Double, radius: Double, fill: String, extra: [SVGNode] = []) -> SVGNode {
        .svgElement("circle", [
            .numberAttribute("cx", x), .numberAttribute("cy", y), .numberAttribute("r", radius),
            .attribute(named: "fill", value: fill),
        ] + extra)
    }

    /// The root `<svg class="chart" data-chart="TITLE">` of a chart of the given size.
    static func chart(title: String, kind: String, width: Double, height: Double, _ nodes: [SVGNode]) -> SVGNode {
        .svgElement("svg", [
            .attribute(named: "class", value: "chart \(kind)"),
            .escapedAttribute("data-chart", title),
            .attribute(named: "viewBox", value: "0 0 \(Markup.number(width)) \(Markup.number(height))"),
            .numberAttribute("width", width), .numberAttribute("height", height),
            .attribute(named: "role", value: "img"),
            .escapedAttribute("aria-label", title),
            .label(title, x: 12, y: 22, class: "chart-title"),
        ] + nodes)
    }
}
