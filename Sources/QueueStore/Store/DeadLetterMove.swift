/// When and from where a message was moved to a dead-letter queue, and the attempt that carried it last.
public struct DeadLetterMove: Sendable, Equatable {
    public let sourceQueueARN: String
    public let movedAt: Int64
    /// The last delivery attempt that carried the message before it exceeded maxReceiveCount;
    /// `nil` if no event source mapping ever delivered it.
    public let attemptId: Int64?
}
