import Foundation

/// An SMS to log on a CRM contact: the seed's `transformQuoSMSToActivity` result.
public struct SMSActivity: Codable, Sendable, Equatable {
    public var direction: Direction
    public var content: String
    public var timestamp: Date
    public var contactExternalId: String

    public init(direction: Direction, content: String, timestamp: Date, contactExternalId: String) {
        self.direction = direction
        self.content = content
        self.timestamp = timestamp
        self.contactExternalId = contactExternalId
    }

    public init(_ message: QuoMessage) {
        self.init(direction: message.direction, content: message.body, timestamp: message.createdAt, contactExternalId: message.contactId)
    }
}
