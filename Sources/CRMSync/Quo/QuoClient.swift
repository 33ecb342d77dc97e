/// Upserts contacts into Quo (QueueLab's mock Quo offline): `POST /contacts/bulk`, keyed by
/// `source` and `externalId`, so a page delivered twice updates its contacts rather than
/// duplicating them.
public struct QuoClient: Sendable {
    /// Quo takes at most this many contacts per bulk request.
    public static let maximumBulkContacts = 1000

    private let client: any CRMClient

    /// - Parameter client: rooted at Quo's API (the mock's `/quo`).
    public init(client: any CRMClient) {
        self.client = client
    }

    /// Upserts `contacts`; the answer lists each contact's fate in order, a rejected one with Quo's reason.
    public func upsert(_ contacts: [QuoContact]) async throws -> [QuoUpsert] {
        var results: [QuoUpsert] = []
        for start in stride(from: 0, to: contacts.count, by: Self.maximumBulkContacts) {
            let chunk = Array(contacts[start..<min(start + Self.maximumBulkContacts, contacts.count)])
            let response: BulkResponse = try await client.json(.json(.post, "/contacts/bulk", body: BulkRequest(contacts: chunk)))
            results += response.data
        }
        return results
    }

    struct BulkRequest: Encodable {
        var contacts: [QuoContact]
    }

    struct BulkResponse: Decodable {
        var data: [QuoUpsert]
    }
}

/// What Quo did with one contact of a bulk upsert.
public struct QuoUpsert: Decodable, Sendable, Equatable {
    public enum Status: String, Decodable, Sendable {
        case created, updated, rejected
    }

    /// Missing when Quo rejected a contact that had none.
    public var externalId: String?
    public var status: Status
    /// Why Quo rejected the contact.
    public var error: String?

    public init(externalId: String?, status: Status, error: String? = nil) {
        self.externalId = externalId
        self.status = status
        self.error = error
    }
}
