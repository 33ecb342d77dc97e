/// Labelled points on two value axes, for instance throughput against cost across configurations,
/// with the recommended one highlighted. Drawn as inline SVG by `ReportPage`.
public struct ScatterChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// Written next to the point and in its tooltip, and the `data-label` attribute.
        public var label: String
        public var x: Double
        public var y: Double
        /// Drawn larger, ringed and in the accent colour, with its label in bold.
        public var isHighlighted: Bool

        public init(label: String, x: Double, y: Double, isHighlighted: Bool = false) {
            self.label = label
            self.x = x
            self.y = y
            self.isHighlighted = isHighlighted
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Points whose coordinates are not finite are left out.
    public var points: [Point]

    public init(title: String, xLabel: String, yLabel: String, points: [Point]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.points = points
    }
}
