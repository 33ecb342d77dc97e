/// What a mapping's receive delivered, and the attempt that records it (when recording).
public struct Delivery: Sendable {
    public let messages: [ReceivedMessage]
    public let attemptId: Int64?
    /// When the messages become visible again unless deleted (milliseconds, the store's clock).
    public let visibleUntil: Int64
}
