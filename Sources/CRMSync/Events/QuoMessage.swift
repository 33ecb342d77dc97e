import Foundation

/// `LOG_SMS`: a message sent or received in Quo, to log on the CRM contact (the fields the seed's
/// `transformQuoSMSToActivity` reads).
public struct QuoMessage: Codable, Sendable, Equatable {
    public var direction: Direction
    public var body: String
    public var createdAt: Date
    /// The CRM's id of the contact (the Quo contact's `externalId`).
    public var contactId: String

    public init(direction: Direction, body: String, createdAt: Date, contactId: String) {
        self.direction = direction
        self.body = body
        self.createdAt = createdAt
        self.contactId = contactId
    }
}
