/// Message counts that GetQueueAttributes reports next to the stored attributes.
public struct QueueCounts: Sendable, Equatable {
    public var visible = 0
    public var inFlight = 0
    public var delayed = 0

    public init(visible: Int = 0, inFlight: Int = 0, delayed: Int = 0) {
        self.visible = visible
        self.inFlight = inFlight
        self.delayed = delayed
    }
}
