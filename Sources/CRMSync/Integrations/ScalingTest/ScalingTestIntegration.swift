import Foundation

/// ScalingTest: the seed's load-test CRM (10,000 persons), served by QueueLab's mock CRM so that
/// the sync goes over HTTP like the others, with the mock's rate limits and poison records.
/// Page numbers counted from 0 (as the seed's generator counts them), a total on every page,
/// bulk read by ids, simulated webhooks and activity.
///
/// Requests (the mock CRM's API, docs/crm-mock.md):
/// - `GET /persons?page=<0…>&limit=&sort=desc|asc`, plus `modifiedSince=<ISO 8601>` for an
///   ongoing sync → `{"data": [person], "total", "hasMore"}`;
/// - `GET /persons?ids=<id>,<id>,…` → `{"data": [person]}`;
/// - `POST /activities` `{"type": "sms", "contactId", "direction", "body", "timestamp"}` or
///   `{"type": "call", "contactId", "direction", "summary"?, "duration", "timestamp"}`;
/// - `POST /webhooks` `{"url", "events": ["person.updated"], "active": true}`.
public struct ScalingTestIntegration: CRMIntegration {
    public static let name = "scaling-test"
    public static let personObjectTypes = ["MockPerson"]
    public static let paginationStyle = PaginationStyle.pageNumber(firstPage: 0)
    public static let fetchesPersonsByIds = true

    public let client: any CRMClient

    public init(client: any CRMClient) {
        self.client = client
    }

    public func fetchPersonPage(_ request: PageRequest) async throws -> PersonPage<ScalingTestPerson> {
        var query = [
            CRMRequest.QueryItem("page", String(Self.paginationStyle.parameter(forPage: request.page, limit: request.limit))),
            CRMRequest.QueryItem("limit", String(request.limit)),
            CRMRequest.QueryItem("sort", request.sortDesc ? "desc" : "asc"),
        ]
        if let modifiedSince = request.modifiedSince {
            query.append(CRMRequest.QueryItem("modifiedSince", ISO8601Timestamp.string(from: modifiedSince)))
        }
        let response: ListResponse = try await client.json(CRMRequest(.get, "/persons", query: query))
        return PersonPage(persons: response.data, total: response.total, hasMore: response.hasMore)
    }

    /// The seed's transform, which lists the email and phone even when the mock leaves them out;
    /// here a missing or empty one is left out of the lists instead.
    public func transformPersonToQuo(_ person: ScalingTestPerson) throws(PersonTransformError) -> QuoContact {
        let emails = [person.email].compactMap { $0 }.filter { !$0.isEmpty }.map { QuoContact.LabeledValue(value: $0) }
        let phones = [person.phone].compactMap { $0 }.filter { !$0.isEmpty }.map { QuoContact.LabeledValue(value: $0) }
        return QuoContact(
            externalId: person.crmId, source: "scaling-test-person",
            defaultFields: QuoContact.DefaultFields(
                firstName: person.firstName, lastName: person.lastName,
                phoneNumbers: try ContactFieldRules.phoneNumbers(phones, of: person.crmId),
                emails: try ContactFieldRules.emails(emails, of: person.crmId)))
    }

    public func logSMSToActivity(_ activity: SMSActivity) async throws {
        try await client.perform(.json(.post, "/activities", body: Activity(
            type: "sms", contactId: activity.contactExternalId, direction: activity.direction, body: activity.content,
            timestamp: activity.timestamp)))
    }

    public func logCallToActivity(_ activity: CallActivity) async throws {
        try await client.perform(.json(.post, "/activities", body: Activity(
            type: "call", contactId: activity.contactExternalId, direction: activity.direction, summary: activity.summary,
            duration: activity.duration, timestamp: activity.timestamp)))
    }

    public func setupWebhooks(apiURL: String) async throws {
        try await client.perform(.json(.post, "/webhooks", body: Webhook(url: Self.webhookURL(apiURL: apiURL))))
    }

    public func fetchPersonsByIds(_ ids: [String], objectType: String) async throws -> [ScalingTestPerson] {
        guard !ids.isEmpty else { return [] }
        let response: BatchResponse = try await client.json(CRMRequest(.get, "/persons", query: [.init("ids", ids.joined(separator: ","))]))
        return response.data
    }

    struct ListResponse: Decodable {
        var data: [ScalingTestPerson]
        var total: Int?
        var hasMore: Bool
    }

    struct BatchResponse: Decodable {
        var data: [ScalingTestPerson]
    }

    struct Activity: Encodable {
        var type: String
        var contactId: String
        var direction: Direction
        var body: String?
        var summary: String?
        var duration: Int?
        var timestamp: Date
    }

    struct Webhook: Encodable {
        var url: String
        var events = ["person.updated"]
        var active = true
    }
}
