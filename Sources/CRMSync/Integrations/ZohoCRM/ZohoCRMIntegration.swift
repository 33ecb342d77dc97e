/// Zoho CRM: two person modules, Contacts and Leads, each its own sync; page numbers counted from
/// 1, newest first by `Modified_Time`; the first page also asks the module's record count, as
/// Zoho's list answer has no total; webhooks through notification watches.
///
/// Requests (Zoho's v2 API, which the mock CRM serves; `{module}` is `Contacts` or `Leads`):
/// - `GET /crm/v2/{module}?page=<1…>&per_page=&sort_by=Modified_Time&sort_order=desc|asc`, with an
///   `If-Modified-Since: <ISO 8601>` header for an ongoing sync → `{"data": [record], "info":
///   {"per_page", "count", "page", "more_records"}}`, or `204 No Content` when nothing matches;
/// - `GET /crm/v2/{module}/actions/count` (same `If-Modified-Since`) → `{"count"}`;
/// - `GET /crm/v2/{module}?ids=<id>,<id>,…` → `{"data": [record]}` (204 when none exists);
/// - `POST /crm/v2/Contacts/{id}/Notes` `{"data": [{"Note_Title", "Note_Content"}]}`;
/// - `POST /crm/v2/Calls` `{"data": [{"Subject", "Call_Type": "Inbound"|"Outbound", "Call_Start_Time",
///   "Call_Duration": "mm:ss", "Description"?, "Who_Id": {"id"}}]}`;
/// - `POST /crm/v2/actions/watch` `{"watch": [{"channel_id", "events": ["Contacts.all", "Leads.all"], "notify_url"}]}`.
///
/// The seed gives no Zoho transform; this one follows Pipedrive's, the seed's complete example:
/// `Phone` is the `work` number and `Mobile` the `mobile` one, the company is the contact's
/// account or the lead's `Company`, and `customFields` keep the id, `zoho-crm` and `Modified_Time`.
public struct ZohoCRMIntegration: CRMIntegration {
    public static let name = "zoho-crm"
    public static let personObjectTypes = ["Contact", "Lead"]
    public static let paginationStyle = PaginationStyle.pageNumber(firstPage: 1)
    public static let fetchesPersonsByIds = true
    /// The notification channel the webhook watch registers.
    static let channelId = 1_000_000_068_001

    public let client: any CRMClient

    public init(client: any CRMClient) {
        self.client = client
    }

    public func fetchPersonPage(_ request: PageRequest) async throws -> PersonPage<ZohoPerson> {
        let module = try ZohoModule(objectType: request.objectType)
        let headers = request.modifiedSince.map { [CRMRequest.Header("If-Modified-Since", ISO8601Timestamp.string(from: $0))] } ?? []
        let query = [
            CRMRequest.QueryItem("page", String(Self.paginationStyle.parameter(forPage: request.page, limit: request.limit))),
            CRMRequest.QueryItem("per_page", String(request.limit)),
            CRMRequest.QueryItem("sort_by", "Modified_Time"),
            CRMRequest.QueryItem("sort_order", request.sortDesc ? "desc" : "asc"),
        ]
        let (persons, moreRecords) = try await module.persons(from: client, CRMRequest(.get, module.path, query: query, headers: headers))
        var total: Int?
        if request.page == 0 {
            let count: RecordCount = try await client.json(CRMRequest(.get, module.path + "/actions/count", headers: headers))
            total = count.count
        }
        return PersonPage(persons: persons, total: total, hasMore: moreRecords)
    }

    public func transformPersonToQuo(_ person: ZohoPerson) throws(PersonTransformError) -> QuoContact {
        let fields = person.quoFields
        let phones = [("work", fields.phone), ("mobile", fields.mobile)].compactMap { label, value in
            value.flatMap { $0.isEmpty ? nil : QuoContact.LabeledValue(name: label, value: $0) }
        }
        let emails = [fields.email].compactMap { $0 }.filter { !$0.isEmpty }.map { QuoContact.LabeledValue(value: $0) }
        return QuoContact(
            externalId: person.crmId, source: fields.source,
            defaultFields: QuoContact.DefaultFields(
                firstName: fields.firstName, lastName: fields.lastName, company: fields.company,
                phoneNumbers: try ContactFieldRules.phoneNumbers(phones, of: person.crmId),
                emails: try ContactFieldRules.emails(emails, of: person.crmId)),
            customFields: QuoContact.CustomFields(crmId: person.crmId, crmType: "zoho-crm", lastModified: fields.modifiedTime))
    }

    public func logSMSToActivity(_ activity: SMSActivity) async throws {
        let note = Note(title: "SMS: \(activity.direction.rawValue)", content: activity.content)
        let path = ZohoModule.contacts.path + "/" + activity.contactExternalId + "/Notes"
        try await client.perform(.json(.post, path, body: Records(data: [note])))
    }

    public func logCallToActivity(_ activity: CallActivity) async throws {
        let call = Call(
            subject: "Call: \(activity.direction.rawValue)", callType: activity.direction == .inbound ? "Inbound" : "Outbound",
            callStartTime: ISO8601Timestamp.string(from: activity.timestamp), callDuration: Self.callDuration(seconds: activity.duration),
            description: activity.summary, whoId: Lookup(id: activity.contactExternalId))
        try await client.perform(.json(.post, "/crm/v2/Calls", body: Records(data: [call])))
    }

    public func setupWebhooks(apiURL: String) async throws {
        let watch = Watch(channelId: Self.channelId, events: ["Contacts.all", "Leads.all"], notifyURL: Self.webhookURL(apiURL: apiURL))
        try await client.perform(.json(.post, "/crm/v2/actions/watch", body: ["watch": [watch]]))
    }

    public func fetchPersonsByIds(_ ids: [String], objectType: String) async throws -> [ZohoPerson] {
        guard !ids.isEmpty else { return [] }
        let module = try ZohoModule(objectType: objectType)
        return try await module.persons(from: client, CRMRequest(.get, module.path, query: [.init("ids", ids.joined(separator: ","))])).persons
    }

    /// Zoho's `Call_Duration`: minutes and seconds, `mm:ss`.
    static func callDuration(seconds: Int) -> String {
        let minutes = String(seconds / 60)
        let rest = String(seconds % 60)
        return (minutes.count < 2 ? "0" + minutes : minutes) + ":" + (rest.count < 2 ? "0" + rest : rest)
    }

    struct RecordCount: Decodable {
        var count: Int
    }

    struct Records<Record: Encodable>: Encodable {
        var data: [Record]
    }

    struct Note: Encodable {
        var title: String
        var content: String

        enum CodingKeys: String, CodingKey {
            case title = "Note_Title"
            case content = "Note_Content"
        }
    }

    /// A lookup field's value: the record it points at.
    struct Lookup: Encodable {
        var id: String
    }

    struct Call: Encodable {
        var subject: String
        var callType: String
        var callStartTime: String
        var callDuration: String
        var description: String?
        var whoId: Lookup

        enum CodingKeys: String, CodingKey {
            case subject = "Subject"
            case callType = "Call_Type"
            case callStartTime = "Call_Start_Time"
            case callDuration = "Call_Duration"
            case description = "Description"
            case whoId = "Who_Id"
        }
    }

    struct Watch: Encodable {
        var channelId: Int
        var events: [String]
        var notifyURL: String

        enum CodingKeys: String, CodingKey {
            case channelId = "channel_id"
            case events
            case notifyURL = "notify_url"
        }
    }
}
