import Foundation

/// `LOG_CALL`: a call in Quo, to log on the CRM contact (the fields the seed's
/// `transformQuoCallToActivity` reads).
public struct QuoCall: Codable, Sendable, Equatable {
    public var direction: Direction
    /// Seconds.
    public var duration: Int
    public var aiSummary: String?
    public var createdAt: Date
    public var contactId: String

    public init(direction: Direction, duration: Int, aiSummary: String?, createdAt: Date, contactId: String) {
        self.direction = direction
        self.duration = duration
        self.aiSummary = aiSummary
        self.createdAt = createdAt
        self.contactId = contactId
    }
}
