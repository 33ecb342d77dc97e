import Foundation

/// AxisCare: contacts by page number counted from 1, newest first by `modified_date`; no
/// webhooks (it is polled) and no read by ids, so a worker processes each page as it fetches it.
///
/// Requests (as the seed calls them; the mock CRM serves them):
/// - `GET /api/contacts?page=<1…>&per_page=&sort_by=modified_date&sort_order=desc|asc`, plus
///   `modified_since=<ISO 8601>` for an ongoing sync → `{"contacts": [contact], "total_count",
///   "current_page", "total_pages"}`;
/// - `POST /api/communications` `{"contact_id": <integer>, "type": "sms"|"phone", "direction", "content"?,
///   "duration_seconds"?, "notes"?, "date"}`.
public struct AxisCareIntegration: CRMIntegration {
    public static let name = "axiscare"
    public static let personObjectTypes = ["Contact"]
    public static let paginationStyle = PaginationStyle.pageNumber(firstPage: 1)

    public let client: any CRMClient

    public init(client: any CRMClient) {
        self.client = client
    }

    public func fetchPersonPage(_ request: PageRequest) async throws -> PersonPage<AxisCareContact> {
        var query = [
            CRMRequest.QueryItem("page", String(Self.paginationStyle.parameter(forPage: request.page, limit: request.limit))),
            CRMRequest.QueryItem("per_page", String(request.limit)),
            CRMRequest.QueryItem("sort_by", "modified_date"),
            CRMRequest.QueryItem("sort_order", request.sortDesc ? "desc" : "asc"),
        ]
        if let modifiedSince = request.modifiedSince {
            query.append(CRMRequest.QueryItem("modified_since", ISO8601Timestamp.string(from: modifiedSince)))
        }
        let response: ListResponse = try await client.json(CRMRequest(.get, "/api/contacts", query: query))
        return PersonPage(persons: response.contacts, total: response.totalCount, hasMore: response.currentPage < response.totalPages)
    }

    public func transformPersonToQuo(_ person: AxisCareContact) throws(PersonTransformError) -> QuoContact {
        let emails = [person.email].compactMap { $0 }.filter { !$0.isEmpty }.map { QuoContact.LabeledValue(value: $0) }
        let phones = [person.phone].compactMap { $0 }.filter { !$0.isEmpty }.map { QuoContact.LabeledValue(value: $0) }
        return QuoContact(
            externalId: person.crmId, source: "axiscare-contact",
            defaultFields: QuoContact.DefaultFields(
                firstName: person.firstName, lastName: person.lastName,
                phoneNumbers: try ContactFieldRules.phoneNumbers(phones, of: person.crmId),
                emails: try ContactFieldRules.emails(emails, of: person.crmId)))
    }

    public func logSMSToActivity(_ activity: SMSActivity) async throws {
        try await client.perform(.json(.post, "/api/communications", body: Communication(
            contactId: try Self.integerId(activity.contactExternalId), type: "sms", direction: activity.direction, content: activity.content,
            date: activity.timestamp)))
    }

    public func logCallToActivity(_ activity: CallActivity) async throws {
        try await client.perform(.json(.post, "/api/communications", body: Communication(
            contactId: try Self.integerId(activity.contactExternalId), type: "phone", direction: activity.direction, durationSeconds: activity.duration,
            notes: activity.summary, date: activity.timestamp)))
    }

    /// AxisCare has no webhooks: the worker polls it every `pollIntervalMinutes`.
    public func setupWebhooks(apiURL: String) async throws {}

    struct ListResponse: Decodable {
        var contacts: [AxisCareContact]
        var totalCount: Int?
        var currentPage: Int
        var totalPages: Int

        enum CodingKeys: String, CodingKey {
            case contacts
            case totalCount = "total_count"
            case currentPage = "current_page"
            case totalPages = "total_pages"
        }
    }

    struct Communication: Encodable {
        var contactId: Int
        var type: String
        var direction: Direction
        var content: String?
        var durationSeconds: Int?
        var notes: String?
        var date: Date

        enum CodingKeys: String, CodingKey {
            case contactId = "contact_id"
            case type, direction, content
            case durationSeconds = "duration_seconds"
            case notes, date
        }
    }
}
