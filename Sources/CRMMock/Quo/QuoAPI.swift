import Logging
import ServerSupport
import StrictJSON

/// The mock Quo (OpenPhone) contacts API under `/quo`: upserts by (`source`, `externalId`), one
/// at a time or in bulk, and a listing to check a sync by. It has no realism knobs: it is the
/// record a sync is checked against.
struct QuoAPI: Sendable {
    let store: QuoContactStore
    let logger: Logger

    /// At most this many contacts per bulk upsert.
    static let bulkLimit = 1000

    func respond(to request: MockRequest) async -> HTTPServerResponse {
        do throws(MockAPIError) {
            return try await route(request).response
        } catch {
            return MockResponse.json(Self.errorBody(for: error), status: error.status).response
        }
    }

    private func route(_ request: MockRequest) async throws(MockAPIError) -> MockResponse {
        if request.route(.POST, "contacts") != nil {
            let input = try QuoContactInput(request.jsonObject())
            guard let upsert = try await upsert([input]).first else { throw Self.storeFailed }
            return .encoding(["data": upsert.contact], status: upsert.created ? .created : .ok)
        }
        if request.route(.POST, "contacts/bulk") != nil {
            return try await bulkUpsert(request.jsonObject().objects("contacts"))
        }
        if request.route(.GET, "contacts") != nil {
            let limit = try request.query.integer("maxResults", default: 50, in: 1...1000)
            let page = try await storeCall { () async throws(CRMMockError) in
                try await store.contacts(
                    source: request.query["source"], externalId: request.query["externalId"], limit: limit, pageToken: request.query["pageToken"])
            }
            return .encoding(ContactList(data: page.contacts, totalItems: page.total, nextPageToken: page.nextPageToken))
        }
        if request.route(.GET, "stats") != nil {
            return .encoding(try await storeCall { () async throws(CRMMockError) in try await store.summary() })
        }
        throw .unknownRoute(request)
    }

    /// `{"contacts": [...]}`: the valid contacts are upserted in one transaction, the invalid ones
    /// rejected each with its error; the answer lists every contact's outcome in order.
    private func bulkUpsert(_ entries: [JSONObject]) async throws(MockAPIError) -> MockResponse {
        guard entries.count <= Self.bulkLimit else { throw .badRequest("At most \(Self.bulkLimit) contacts at once, not \(entries.count)") }
        var outcomes: [BulkOutcome] = []
        var inputs: [QuoContactInput] = []
        for entry in entries {
            do throws(MockAPIError) {
                let input = try QuoContactInput(entry)
                inputs.append(input)
                outcomes.append(BulkOutcome(externalId: input.externalId, source: input.source, status: "pending"))
            } catch {
                let externalId = try? entry.optionalString("externalId")
                outcomes.append(BulkOutcome(externalId: externalId ?? nil, source: nil, status: "rejected", error: error.message))
            }
        }
        var upserts = try await upsert(inputs).makeIterator()
        for index in outcomes.indices where outcomes[index].status == "pending" {
            guard let upsert = upserts.next() else { throw Self.storeFailed }
            outcomes[index].status = upsert.created ? "created" : "updated"
            outcomes[index].id = upsert.contact.id
        }
        return .encoding(BulkAnswer(data: outcomes))
    }

    private func upsert(_ inputs: [QuoContactInput]) async throws(MockAPIError) -> [QuoContactStore.Upsert] {
        try await storeCall { () async throws(CRMMockError) in try await store.upsert(inputs, now: .now()) }
    }

    /// Runs a store call, answering 500 if it fails (and logging why).
    private func storeCall<T>(_ call: () async throws(CRMMockError) -> T) async throws(MockAPIError) -> T {
        do {
            return try await call()
        } catch {
            logger.error("mock Quo store failed", metadata: ["error": "\(error)"])
            throw Self.storeFailed
        }
    }

    private static let storeFailed = MockAPIError(.internalServerError, code: "internal_error", "The contact store failed")

    /// OpenPhone's error shape.
    static func errorBody(for error: MockAPIError) -> JSONValue {
        ["message": .string(error.message), "code": .string(error.code), "status": .integer(Int(error.status.code)), "title": .string(error.status.reasonPhrase)]
    }

    private struct ContactList: Encodable {
        let data: [QuoContact]
        let totalItems: Int
        let nextPageToken: String?
    }

    private struct BulkOutcome: Encodable {
        var externalId: String?
        var source: String?
        /// `created`, `updated` or `rejected`.
        var status: String
        var id: String?
        var error: String?
    }

    private struct BulkAnswer: Encodable {
        let data: [BulkOutcome]
        var created: Int { data.count { $0.status == "created" } }
        var updated: Int { data.count { $0.status == "updated" } }
        var rejected: Int { data.count { $0.status == "rejected" } }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(data, forKey: .data)
            try container.encode(created, forKey: .created)
            try container.encode(updated, forKey: .updated)
            try container.encode(rejected, forKey: .rejected)
        }

        private enum CodingKeys: String, CodingKey {
            case data, created, updated, rejected
        }
    }
}
