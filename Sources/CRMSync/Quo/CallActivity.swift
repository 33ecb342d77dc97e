import Foundation

/// A call to log on a CRM contact: the seed's `transformQuoCallToActivity` result.
public struct CallActivity: Codable, Sendable, Equatable {
    public var direction: Direction
    /// Seconds.
    public var duration: Int
    public var summary: String?
    public var timestamp: Date
    public var contactExternalId: String

    public init(direction: Direction, duration: Int, summary: String?, timestamp: Date, contactExternalId: String) {
        self.direction = direction
        self.duration = duration
        self.summary = summary
        self.timestamp = timestamp
        self.contactExternalId = contactExternalId
    }

    public init(_ call: QuoCall) {
        self.init(
            direction: call.direction, duration: call.duration, summary: call.aiSummary, timestamp: call.createdAt,
            contactExternalId: call.contactId)
    }
}
