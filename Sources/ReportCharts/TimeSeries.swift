/// A named series of values over a run, for a `TimeChart`.
public struct TimeSeries: Sendable, Equatable {
    /// A value at a moment of the run.
    public struct Point: Sendable, Equatable {
        /// Seconds since the run started.
        public var seconds: Double
        public var value: Double

        public init(seconds: Double, value: Double) {
            self.seconds = seconds
            self.value = value
        }
    }

    /// How the points are joined.
    public enum Style: Sendable, Equatable {
        /// Straight lines between the points.
        case line
        /// Each value holds until the next point, then the line jumps: for gauges such as
        /// concurrency. The last value holds to the end of the chart's x axis.
        case steps
    }

    /// Shown in the legend and the tooltip, and the `data-series` attribute.
    public var name: String
    /// In any order; points whose seconds or value are not finite are left out.
    public var points: [Point]
    public var style: Style

    public init(name: String, points: [Point], style: Style = .line) {
        self.name = name
        self.points = points
        self.style = style
    }
}
