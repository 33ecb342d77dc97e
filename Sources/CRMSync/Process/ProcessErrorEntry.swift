import Foundation

/// One failure kept in a Process's results (the last 100 are kept).
public struct ProcessErrorEntry: Codable, Sendable, Equatable {
    /// The CRM's id of the person that failed, when one did.
    public var personId: String?
    public var page: Int?
    public var message: String
    public var timestamp: Date

    public init(personId: String?, page: Int?, message: String, timestamp: Date) {
        self.personId = personId
        self.page = page
        self.message = message
        self.timestamp = timestamp
    }

    /// A poison record of `page`.
    public init(_ failure: PersonTransformError, page: Int, timestamp: Date) {
        self.init(personId: failure.personId, page: page, message: failure.description, timestamp: timestamp)
    }
}
