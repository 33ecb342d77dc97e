import Plot

extension TimeChart {
    static let width = 800.0
    static let plotHeight = 220.0
    static let laneHeight = 12.0
    /// About one event mark per 3 px of the axis, however many events there are.
    static let eventBucketCount = 240

    /// The chart as `<svg class="chart time-chart" data-chart="TITLE">`: axes, a
    /// `<g class="series" data-series="NAME">` per series, a `<g class="events" data-kind="KIND">`
    /// per event kind (a row of marks under the plot), and the legend.
    func svg() -> SVGNode {
        let domain = xDomain()
        let lines = series.map { series in
            (series, Downsampling.minMax(Self.drawable(series.points, within: domain), limit: Self.maximumPointsPerSeries))
        }
        let values = lines.flatMap { $0.1.map(\.value) }
        let yTicks = AxisTicks.nice(covering: min(0, values.min() ?? 0)...max(0, values.max() ?? 0))
        let buckets = EventBucket.group(events.filter { $0.seconds.isFinite }, domain: domain, bucketCount: Self.eventBucketCount)
        let kinds = buckets.reduce(into: [String]()) { kinds, bucket in
            if !kinds.contains(bucket.kind) { kinds.append(bucket.kind) }
        }
        let kindColours = ChartPalette.eventColours(kinds)

        let frame = ChartFrame(left: 64, top: 40, width: Self.width - 64 - 20, height: Self.plotHeight, xDomain: domain, yDomain: yTicks.domain)
        let lanesTop = frame.bottom + 8
        let labelY = lanesTop + Double(kinds.count) * Self.laneHeight + 12
        let xTicks = AxisTicks.time(covering: domain)
        let legend = ChartLegend(entries: series.enumerated().map { index, series in
            .init(name: series.name, colour: ChartPalette.series(at: index), swatch: .line)
        } + kinds.map { kind in
            let count = buckets.filter { $0.kind == kind }.reduce(0) { $0 + $1.count }
            return .init(name: "\(kind) (\(count))", colour: kindColours[kind] ?? "#000", swatch: .mark)
        }).layout(left: frame.left, top: labelY + 12, width: frame.width)

        let hasData = !values.isEmpty || !buckets.isEmpty
        return .chart(title: title, kind: "time-chart", width: Self.width, height: labelY + 12 + legend.height + 8, [
            frame.yAxis(yTicks, title: yLabel),
            frame.xAxis(xTicks, labelY: labelY, label: xTicks.timeLabel, title: nil),
            .group(lines.enumerated().map { index, line in
                Self.seriesNode(line.0, points: line.1, colour: ChartPalette.series(at: index), frame: frame)
            }),
            .group(kinds.enumerated().map { lane, kind in
                Self.eventsNode(kind, buckets: buckets.filter { $0.kind == kind }, colour: kindColours[kind] ?? "#000",
                                top: lanesTop + Double(lane) * Self.laneHeight, frame: frame)
            }),
            hasData ? .empty : .label("no data", x: frame.left + frame.width / 2, y: frame.top + frame.height / 2, anchor: "middle", class: "no-data"),
            legend.node,
        ])
    }

    /// `span`, or from 0 (or an earlier point or event) to the latest point or event; never empty.
    func xDomain() -> ClosedRange<Double> {
        if let span, span.lowerBound.isFinite, span.upperBound.isFinite, span.upperBound > span.lowerBound { return span }
        let moments = (series.flatMap { $0.points.filter { $0.value.isFinite }.map(\.seconds) } + events.map(\.seconds))
            .filter(\.isFinite)
        let lower = min(0, moments.min() ?? 0), upper = moments.max() ?? 0
        return lower...(upper > lower ? upper : lower + 1)
    }

    /// The finite points within `domain`, by time; points at the same moment keep their order,
    /// so that the last value recorded for a moment is the one a step line ends on.
    static func drawable(_ points: [TimeSeries.Point], within domain: ClosedRange<Double>) -> [TimeSeries.Point] {
        points.enumerated()
            .filter { $0.element.value.isFinite && domain.contains($0.element.seconds) }
            .sorted { ($0.element.seconds, $0.offset) < ($1.element.seconds, $1.offset) }
            .map(\.element)
    }

    private static func seriesNode(_ series: TimeSeries, points: [TimeSeries.Point], colour: String, frame: ChartFrame) -> SVGNode {
        var commands: [String] = []
        for (index, point) in points.enumerated() {
            let x = Markup.number(frame.x(point.seconds)), y = Markup.number(frame.y(point.value))
            switch (index, series.style) {
            case (0, _): commands.append("M\(x) \(y)")
            case (_, .line): commands.append("L\(x) \(y)")
            case (_, .steps): commands.append("H\(x) V\(y)")
            }
        }
        if series.style == .steps, !points.isEmpty { commands.append("H\(Markup.number(frame.right))") }
        let lonePoint = points.count == 1 && series.style == .line ? points.first : nil
        return .svgElement("g", [
            .attribute(named: "class", value: "series"),
            .escapedAttribute("data-series", series.name),
            .tooltip(series.name),
            .svgElement("path", [
                .attribute(named: "d", value: commands.joined(separator: " ")),
                .attribute(named: "fill", value: "none"), .attribute(named: "stroke", value: colour),
                .attribute(named: "stroke-width", value: "1.8"), .attribute(named: "stroke-linejoin", value: "round"),
            ]),
            lonePoint.map { .circle(x: frame.x($0.seconds), y: frame.y($0.value), radius: 3, fill: colour) } ?? .empty,
        ])
    }

    private static func eventsNode(_ kind: String, buckets: [EventBucket], colour: String, top: Double, frame: ChartFrame) -> SVGNode {
        .svgElement("g", [
            .attribute(named: "class", value: "events"),
            .escapedAttribute("data-kind", kind),
            .attribute(named: "fill", value: colour),
        ] + buckets.map { bucket in
            let start = frame.x(bucket.first) - 1
            return .svgElement("rect", [
                .numberAttribute("x", start), .numberAttribute("y", top),
                .numberAttribute("width", max(2, frame.x(bucket.last) + 1 - start)), .numberAttribute("height", laneHeight - 4),
                .tooltip(bucket.tooltip),
            ])
        })
    }
}
