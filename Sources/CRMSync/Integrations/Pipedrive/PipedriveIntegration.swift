/// Pipedrive: persons by record offset (`start`), newest first by `update_time`; webhooks.
///
/// Requests (for the mock CRM):
/// - `GET /v1/persons?start=&limit=&sort=update_time DESC` (`ASC` when not reversed), plus
///   `filter_id=recent_persons&start_date=<ISO 8601>` for an ongoing sync →
///   `{"success": true, "data": [person] | null, "additional_data": {"pagination": {"start", "limit",
///   "more_items_in_collection", "total"?}}}`;
/// - `GET /v1/persons/{id}` → `{"success": true, "data": person}` (404 for a deleted person);
/// - `POST /v1/activities` `{"type": "sms"|"call", "subject", "note", "duration"?, "person_id": <integer>, "done": true}`;
/// - `POST /v1/webhooks` `{"subscription_url", "event_action": "updated", "event_object": "person"}`.
public struct PipedriveIntegration: CRMIntegration {
    public static let name = "pipedrive"
    public static let personObjectTypes = ["Person"]
    public static let paginationStyle = PaginationStyle.offset
    public static let fetchesPersonsByIds = true

    public let client: any CRMClient

    public init(client: any CRMClient) {
        self.client = client
    }

    public func fetchPersonPage(_ request: PageRequest) async throws -> PersonPage<PipedrivePerson> {
        var query = [
            CRMRequest.QueryItem("start", String(Self.paginationStyle.parameter(forPage: request.page, limit: request.limit))),
            CRMRequest.QueryItem("limit", String(request.limit)),
            CRMRequest.QueryItem("sort", request.sortDesc ? "update_time DESC" : "update_time ASC"),
        ]
        if let modifiedSince = request.modifiedSince {
            query.append(CRMRequest.QueryItem("filter_id", "recent_persons"))
            query.append(CRMRequest.QueryItem("start_date", ISO8601Timestamp.string(from: modifiedSince)))
        }
        let response: ListResponse = try await client.json(CRMRequest(.get, "/v1/persons", query: query))
        let pagination = response.additionalData?.pagination
        return PersonPage(
            persons: response.data ?? [], total: pagination?.total, hasMore: pagination?.moreItemsInCollection ?? false)
    }

    public func transformPersonToQuo(_ person: PipedrivePerson) throws(PersonTransformError) -> QuoContact {
        func labeled(_ fields: [PipedrivePerson.LabeledField]?) -> [QuoContact.LabeledValue] {
            (fields ?? []).compactMap { field in
                guard let value = field.value, !value.isEmpty else { return nil }
                return QuoContact.LabeledValue(name: field.label, value: value)
            }
        }
        return QuoContact(
            externalId: person.crmId, source: "pipedrive-person",
            defaultFields: QuoContact.DefaultFields(
                firstName: person.firstName, lastName: person.lastName, company: person.organization?.name,
                phoneNumbers: try ContactFieldRules.phoneNumbers(labeled(person.phone), of: person.crmId),
                emails: try ContactFieldRules.emails(labeled(person.email), of: person.crmId)),
            customFields: QuoContact.CustomFields(crmId: person.crmId, crmType: "pipedrive", lastModified: person.updateTime))
    }

    public func logSMSToActivity(_ activity: SMSActivity) async throws {
        try await client.perform(.json(.post, "/v1/activities", body: Activity(
            type: "sms", subject: "SMS: \(activity.direction.rawValue)", note: activity.content, duration: nil,
            personId: try Self.integerId(activity.contactExternalId))))
    }

    public func logCallToActivity(_ activity: CallActivity) async throws {
        try await client.perform(.json(.post, "/v1/activities", body: Activity(
            type: "call", subject: "Call: \(activity.direction.rawValue)", note: activity.summary, duration: activity.duration,
            personId: try Self.integerId(activity.contactExternalId))))
    }

    public func setupWebhooks(apiURL: String) async throws {
        try await client.perform(.json(.post, "/v1/webhooks", body: [
            "subscription_url": Self.webhookURL(apiURL: apiURL), "event_action": "updated", "event_object": "person",
        ]))
    }

    /// One request per person: Pipedrive has no bulk read. Persons deleted since (404) are left out.
    public func fetchPersonsByIds(_ ids: [String], objectType: String) async throws -> [PipedrivePerson] {
        var persons: [PipedrivePerson] = []
        for id in ids {
            do {
                let response: PersonResponse = try await client.json(CRMRequest(.get, "/v1/persons/\(id)"))
                persons.append(response.data)
            } catch let error as CRMRequestError where error.status == 404 {
                continue
            }
        }
        return persons
    }

    struct ListResponse: Decodable {
        var data: [PipedrivePerson]?
        var additionalData: AdditionalData?

        struct AdditionalData: Decodable {
            var pagination: Pagination?
        }

        struct Pagination: Decodable {
            var moreItemsInCollection: Bool?
            var total: Int?

            enum CodingKeys: String, CodingKey {
                case moreItemsInCollection = "more_items_in_collection"
                case total
            }
        }

        enum CodingKeys: String, CodingKey {
            case data
            case additionalData = "additional_data"
        }
    }

    struct PersonResponse: Decodable {
        var data: PipedrivePerson
    }

    struct Activity: Encodable {
        var type: String
        var subject: String
        var note: String?
        var duration: Int?
        var personId: Int
        var done = true

        enum CodingKeys: String, CodingKey {
            case type, subject, note, duration, done
            case personId = "person_id"
        }
    }
}
