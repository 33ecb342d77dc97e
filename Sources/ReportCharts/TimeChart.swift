/// Values over the time of a run (queue depth, messages in flight, concurrency), with events
/// (throttles, errors) marked as they happened. Drawn as inline SVG by `ReportPage`.
public struct TimeChart: Sendable, Equatable {
    public var title: String
    /// What the values are, written along the y axis.
    public var yLabel: String
    /// Each drawn in the next colour of the palette, in order.
    public var series: [TimeSeries]
    public var events: [ChartEvent]
    /// The seconds the x axis covers, for instance 0 to the run's length so that the charts of a
    /// report line up; points and events outside it are left out. By default from 0 (or the
    /// earliest point or event, if before 0) to the latest point or event.
    public var span: ClosedRange<Double>?

    /// The most points drawn per series: longer series are thinned to this many, keeping each
    /// stretch's lowest and highest value (see `Downsampling`).
    public static let maximumPointsPerSeries = 600

    public init(title: String, yLabel: String, series: [TimeSeries], events: [ChartEvent] = [], span: ClosedRange<Double>? = nil) {
        self.title = title
        self.yLabel = yLabel
        self.series = series
        self.events = events
        self.span = span
    }
}
