import StrictJSON

/// Attio's v2 API for people records, notes and webhooks. Records are listed with
/// `POST /v2/objects/people/records/query` and an offset page (`limit`, `offset`); as the seed
/// reads it, the answer also has `count` (all matches) and `has_more`.
struct AttioAPI: CRMAPI {
    let crm = CRM.attio

    static let workspaceId = "5b1c0000-0000-4000-8000-000000000001"
    static let peopleObjectId = "0b7e0000-0000-4000-8000-000000000002"

    func respond(to request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if request.route(.POST, "v2/objects/people/records/query") != nil {
            return try await query(request.jsonObject(), state: state)
        }
        if let captured = request.route(.GET, "v2/objects/people/records/*"), let id = captured.first {
            guard let person = await state.person(id: id) else { throw .notFound("Record with ID \"\(id)\" not found") }
            return .json(["data": Self.json(person)], persons: 1)
        }
        if request.route(.POST, "v2/notes") != nil {
            let data = try request.jsonObject().object("data")
            guard try data.string("parent_object") == "people" else { throw .badRequest("data.parent_object must be \"people\"") }
            let recordId = try data.string("parent_record_id")
            _ = try data.string("title")
            guard await state.exists(id: recordId) else { throw .notFound("Record with ID \"\(recordId)\" not found") }
            let note = await state.record(activity: "note", personId: recordId, body: data.value)
            let id: JSONValue = ["workspace_id": .string(Self.workspaceId), "note_id": .string(Self.uuid(tag: "0e7e", note.id))]
            return .json(["data": data.adding("id", id)])
        }
        if request.route(.POST, "v2/webhooks") != nil {
            let data = try request.jsonObject().object("data")
            let url = try data.string("target_url")
            try WebhookTarget.validate(url)
            let events = try data.objects("subscriptions").map { subscription throws(MockAPIError) in try subscription.string("event_type") }
            let subscription = await state.register(WebhookSubscription(id: "", url: url, events: events))
            let id: JSONValue = ["workspace_id": .string(Self.workspaceId), "webhook_id": .string(Self.webhookId(subscription))]
            var answer = data.fields
            answer["id"] = id
            answer["status"] = "active"
            return .json(["data": .object(answer)])
        }
        throw .unknownRoute(request)
    }

    /// The query body: `limit` (500, at most 500), `offset` (0), `sorts` (`[{"attribute":
    /// "updated_at", "direction": "desc"}]` is the default; `asc` too), and `filter`, either
    /// `{"updated_at": {"$gte": ISO 8601}}` or `{"record_id": {"$in": [ids]}}` (a bulk fetch).
    private func query(_ body: JSONObject, state: CRMState) async throws(MockAPIError) -> MockResponse {
        let limit = min(500, try body.optionalInteger("limit") ?? 500)
        let offset = try body.optionalInteger("offset") ?? 0
        guard limit >= 1, offset >= 0 else { throw .badRequest("limit must be at least 1 and offset at least 0") }
        var descending = true
        for sort in try body.optionalObjects("sorts") ?? [] {
            guard try sort.string("attribute") == "updated_at" else { throw .badRequest("\(sort.path).attribute: only updated_at can be sorted on") }
            switch try sort.string("direction") {
            case "desc": descending = true
            case "asc": descending = false
            default: throw .badRequest("\(sort.path).direction must be asc or desc")
            }
        }
        var since: Timestamp?
        if let filter = try body.optionalObject("filter") {
            if let ids = try filter.optionalObject("record_id")?.optionalStrings("$in") {
                let persons = try await bulk(ids, state: state)
                return .json(["data": .array(persons.map(Self.json)), "count": .integer(persons.count), "has_more": false], persons: persons.count)
            }
            guard let text = try filter.optionalObject("updated_at")?.optionalString("$gte"), let timestamp = Timestamp(parsing: text) else {
                throw .badRequest("filter must be {\"updated_at\": {\"$gte\": ISO 8601 time}} or {\"record_id\": {\"$in\": [ids]}}")
            }
            since = timestamp
        }
        let (persons, total) = await state.page(offset: offset, limit: limit, since: since, descending: descending)
        let page: JSONValue = ["data": .array(persons.map(Self.json)), "count": .integer(total), "has_more": .bool(offset + persons.count < total)]
        return .json(page, persons: persons.count)
    }

    func errorBody(for error: MockAPIError) -> JSONValue {
        let type = error.status == .tooManyRequests ? "rate_limit_error" : error.status.code >= 500 ? "api_error" : "invalid_request_error"
        return ["status_code": .integer(Int(error.status.code)), "type": .string(type), "code": .string(error.code), "message": .string(error.message)]
    }

    /// `{"webhook_id": …, "events": [{"event_type": "record.updated", "id": {…, "record_id": …}, "actor": …}]}`.
    func webhookPayload(for change: PersonChange, to subscription: WebhookSubscription) -> JSONValue? {
        guard subscription.events.contains("record.updated") else { return nil }
        let id: JSONValue = [
            "workspace_id": .string(Self.workspaceId), "object_id": .string(Self.peopleObjectId),
            "record_id": .string(crm.personId(number: change.after.number)), "attribute_id": "email_addresses",
        ]
        let event: JSONValue = ["event_type": "record.updated", "id": id, "actor": ["type": "system", "id": .null]]
        return ["webhook_id": .string(Self.webhookId(subscription)), "events": [event]]
    }

    private static func webhookId(_ subscription: WebhookSubscription) -> String {
        uuid(tag: "7e6b", Int(subscription.id) ?? 0)
    }

    private static func uuid(tag: String, _ number: Int) -> String {
        "\(tag)0000-0000-4000-8000-\(CRM.zeroPadded(number, width: 12))"
    }

    /// A person record: `id.record_id`, and `values` with `name[0].first_name`/`last_name`,
    /// `email_addresses[].email_address` and `phone_numbers[].phone_number`.
    static func json(_ person: MockPerson) -> JSONValue {
        let recordId = CRM.attio.personId(number: person.number)
        let phones: [JSONValue] = person.phones.map { phone in
            [
                "original_phone_number": .string(phone.value), "phone_number": .string(phone.value),
                "country_code": phone.value == MockPerson.poisonPhone ? .null : "US", "attribute_type": "phone-number",
            ]
        }
        let values: JSONValue = [
            "name": [
                [
                    "first_name": .string(person.firstName), "last_name": .string(person.lastName),
                    "full_name": .string("\(person.firstName) \(person.lastName)"), "attribute_type": "personal-name",
                ]
            ],
            "email_addresses": [["email_address": .string(person.email), "email_domain": "example.com", "attribute_type": "email-address"]],
            "phone_numbers": .array(phones),
            "job_title": [["value": .string(person.jobTitle), "attribute_type": "text"]],
        ]
        return [
            "id": ["workspace_id": .string(workspaceId), "object_id": .string(peopleObjectId), "record_id": .string(recordId)],
            "created_at": .string(person.createdAt.formatted(.iso8601Milliseconds)),
            "updated_at": .string(person.modifiedAt.formatted(.iso8601Milliseconds)),
            "web_url": .string("https://app.attio.com/queuelab/person/\(recordId)"),
            "values": values,
        ]
    }
}
