import Foundation

/// Attio: people by record offset, newest first by `updated_at`; webhooks; activity as notes.
///
/// Requests (Attio's v2 API, which the mock CRM serves):
/// - `POST /v2/objects/people/records/query` `{"limit", "offset", "sorts": [{"attribute": "updated_at",
///   "direction": "desc"|"asc"}], "filter"?: {"updated_at": {"$gte": <ISO 8601>}}}` →
///   `{"data": [person], "count"?: total, "has_more": bool}`; by ids the same endpoint with
///   `"filter": {"record_id": {"$in": [ids]}}`;
/// - `POST /v2/notes` `{"data": {"parent_object": "people", "parent_record_id", "title", "format": "plaintext",
///   "content", "created_at"}}`;
/// - `POST /v2/webhooks` `{"data": {"target_url", "subscriptions": [{"event_type": "record.updated", "filter": null}]}}`.
public struct AttioIntegration: CRMIntegration {
    public static let name = "attio"
    public static let personObjectTypes = ["Person"]
    public static let paginationStyle = PaginationStyle.offset
    public static let fetchesPersonsByIds = true

    static let queryPath = "/v2/objects/people/records/query"

    public let client: any CRMClient

    public init(client: any CRMClient) {
        self.client = client
    }

    public func fetchPersonPage(_ request: PageRequest) async throws -> PersonPage<AttioPerson> {
        let query = Query(
            limit: request.limit, offset: Self.paginationStyle.parameter(forPage: request.page, limit: request.limit),
            sorts: [Query.Sort(attribute: "updated_at", direction: request.sortDesc ? "desc" : "asc")],
            filter: request.modifiedSince.map { Query.Filter(updatedAt: Query.Bound(gte: ISO8601Timestamp.string(from: $0))) })
        let response: QueryResponse = try await client.json(.json(.post, Self.queryPath, body: query))
        return PersonPage(persons: response.data, total: response.count, hasMore: response.hasMore ?? false)
    }

    public func transformPersonToQuo(_ person: AttioPerson) throws(PersonTransformError) -> QuoContact {
        let name = person.values.name?.first
        let emails = (person.values.emailAddresses ?? []).map { QuoContact.LabeledValue(value: $0.emailAddress) }
        let phones = (person.values.phoneNumbers ?? []).map { QuoContact.LabeledValue(value: $0.phoneNumber) }
        return QuoContact(
            externalId: person.crmId, source: "attio-person",
            defaultFields: QuoContact.DefaultFields(
                firstName: name?.firstName, lastName: name?.lastName,
                phoneNumbers: try ContactFieldRules.phoneNumbers(phones, of: person.crmId),
                emails: try ContactFieldRules.emails(emails, of: person.crmId)))
    }

    public func logSMSToActivity(_ activity: SMSActivity) async throws {
        try await client.perform(.json(.post, "/v2/notes", body: Wrapped(data: Note(
            parentRecordId: activity.contactExternalId, title: "SMS: \(activity.direction.rawValue)", content: activity.content,
            createdAt: activity.timestamp))))
    }

    public func logCallToActivity(_ activity: CallActivity) async throws {
        try await client.perform(.json(.post, "/v2/notes", body: Wrapped(data: Note(
            parentRecordId: activity.contactExternalId, title: "Call: \(activity.direction.rawValue) (\(activity.duration)s)",
            content: activity.summary ?? "", createdAt: activity.timestamp))))
    }

    public func setupWebhooks(apiURL: String) async throws {
        try await client.perform(.json(.post, "/v2/webhooks", body: Wrapped(data: Webhook(
            targetURL: Self.webhookURL(apiURL: apiURL), subscriptions: [Webhook.Subscription(eventType: "record.updated")]))))
    }

    public func fetchPersonsByIds(_ ids: [String], objectType: String) async throws -> [AttioPerson] {
        guard !ids.isEmpty else { return [] }
        let query = Query(limit: ids.count, offset: 0, sorts: [], filter: Query.Filter(recordId: Query.Bound(in: ids)))
        let response: QueryResponse = try await client.json(.json(.post, Self.queryPath, body: query))
        return response.data
    }

    struct Query: Encodable {
        var limit: Int
        var offset: Int
        var sorts: [Sort]
        var filter: Filter?

        struct Sort: Encodable {
            var attribute: String
            var direction: String
        }

        struct Filter: Encodable {
            var updatedAt: Bound?
            var recordId: Bound?

            enum CodingKeys: String, CodingKey {
                case updatedAt = "updated_at"
                case recordId = "record_id"
            }
        }

        struct Bound: Encodable {
            var gte: String?
            var `in`: [String]?

            enum CodingKeys: String, CodingKey {
                case gte = "$gte"
                case `in` = "$in"
            }
        }
    }

    struct QueryResponse: Decodable {
        var data: [AttioPerson]
        var count: Int?
        var hasMore: Bool?

        enum CodingKeys: String, CodingKey {
            case data, count
            case hasMore = "has_more"
        }
    }

    /// Attio's write bodies hold the record in `data`.
    struct Wrapped<Body: Encodable>: Encodable {
        var data: Body
    }

    struct Note: Encodable {
        var parentObject = "people"
        var parentRecordId: String
        var title: String
        var format = "plaintext"
        var content: String
        var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case parentObject = "parent_object"
            case parentRecordId = "parent_record_id"
            case title, format, content
            case createdAt = "created_at"
        }
    }

    struct Webhook: Encodable {
        var targetURL: String
        var subscriptions: [Subscription]

        enum CodingKeys: String, CodingKey {
            case targetURL = "target_url"
            case subscriptions
        }

        /// One event type, for every record: Attio requires `filter`, null for none.
        struct Subscription: Encodable {
            var eventType: String

            enum CodingKeys: String, CodingKey {
                case eventType = "event_type"
                case filter
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(eventType, forKey: .eventType)
                try container.encodeNil(forKey: .filter)
            }
        }
    }
}
