/// Something that happened at a moment of the run (a throttle, an error), marked along the bottom
/// of a `TimeChart` in the colour of its kind.
public struct ChartEvent: Sendable, Equatable {
    /// Seconds since the run started.
    public var seconds: Double
    /// Groups events into one row of marks and one legend entry, and is the `data-kind` attribute.
    public var kind: String
    /// Shown in the mark's tooltip.
    public var label: String

    public init(seconds: Double, kind: String, label: String) {
        self.seconds = seconds
        self.kind = kind
        self.label = label
    }
}
