/// A self-contained HTML5 page: a title, an optional subtitle and sections of paragraphs, tables,
/// charts and key–value lists. Everything is inline (CSS, SVG); the page needs no JavaScript, no
/// network and no fonts beyond the system's, and is well-formed XML as well as HTML.
///
/// Markup contract (tests and tools may rely on it; all attribute values and texts are escaped):
/// - The page is `<!DOCTYPE html><html lang="en">` with `<head>` (`<meta charset="UTF-8"/>`,
///   `<title>`, one `<style>`) and `<body><main class="report">`: a `<header>` with `<h1>` and an
///   optional `<p class="subtitle">`, then a `<section class="report-section">` per section whose
///   first child is `<h2>`.
/// - A paragraph is `<p>`; a key–value list is `<dl class="facts">` of `<div><dt>KEY</dt><dd>VALUE</dd></div>`.
/// - A table is `<table class="data">` with `<thead><tr><th>…` and `<tbody><tr><td>…`; numeric-looking
///   cells (and the headers of all-numeric columns) have class `num`.
/// - A chart is `<figure class="chart-figure">` holding `<svg class="chart time-chart" data-chart="TITLE">`
///   or `<svg class="chart scatter-chart" data-chart="TITLE">`, each with `viewBox`, `width`, `height`,
///   `role="img"`, `aria-label="TITLE"`, and its title as `<text class="chart-title">`.
/// - Time charts: each series is `<g class="series" data-series="NAME">` with `<title>NAME</title>` and
///   one `<path>` (plus a `<circle>` when it has a single point); each event kind is
///   `<g class="events" data-kind="KIND">` of `<rect>` marks, each with a `<title>` tooltip
///   (`KIND ×COUNT, FIRST–LAST s: labels`); a chart with no points and no events shows
///   `<text class="no-data">no data</text>`.
/// - Scatter charts: `<g class="points">` holds `<g class="point" data-label="LABEL">` per point (class
///   `point highlighted` when highlighted), each with a `<title>`, `<circle>`s and a `<text class="point-label">`.
/// - The legend is `<g class="legend">`; axes are `<g class="axis x-axis">` and `<g class="axis y-axis">`.
/// - An attribute whose value would be empty (an unnamed series) is left out.
public struct ReportPage: Sendable {
    /// A part of the page under its own heading.
    public struct Section: Sendable {
        public var heading: String
        public var blocks: [Block]

        public init(heading: String, blocks: [Block]) {
            self.heading = heading
            self.blocks = blocks
        }
    }

    /// What a section shows, in order.
    public enum Block: Sendable {
        case paragraph(String)
        case table(ReportTable)
        case timeChart(TimeChart)
        case scatterChart(ScatterChart)
        /// A short list of facts such as `Wall time: 1:23`.
        case keyValues([(key: String, value: String)])
    }

    public var title: String
    public var subtitle: String?
    public var sections: [Section]

    public init(title: String, subtitle: String? = nil, sections: [Section]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}
