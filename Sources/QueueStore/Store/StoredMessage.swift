/// A stored message as an inspector sees it, without receiving it (nothing about it changes).
public struct StoredMessage: Sendable, Equatable {
    public let messageId: String
    public let body: String
    public let receiveCount: Int
    public let sentAt: Int64
    public let groupId: String?
    /// Set for a message a redrive policy moved here.
    public let deadLetterMove: DeadLetterMove?
}
