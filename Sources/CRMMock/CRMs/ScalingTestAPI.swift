import StrictJSON

/// The ScalingTest mock CRM of the seed, for load tests (10,000 people by default): 0-indexed
/// pages (`page`, `limit`) answered with `total` and `hasMore`.
struct ScalingTestAPI: CRMAPI {
    let crm = CRM.scalingTest

    func respond(to request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if request.route(.GET, "persons") != nil {
            return try await listPersons(request, state: state)
        }
        if let captured = request.route(.GET, "persons/*"), let id = captured.first {
            guard let person = await state.person(id: id) else { throw .notFound("Person \(id) not found") }
            return .json(["data": Self.json(person)], persons: 1)
        }
        if request.route(.POST, "activities") != nil {
            let body = try request.jsonObject()
            let type = try body.string("type")
            let contactId = try body.string("contactId")
            guard type == "sms" || type == "call" else { throw .badRequest("type must be sms or call, not '\(type)'") }
            guard await state.exists(id: contactId) else { throw .notFound("Person \(contactId) not found") }
            let activity = await state.record(activity: type, personId: contactId, body: body.value)
            return .json(["data": body.adding("id", .integer(activity.id))], status: .created)
        }
        if request.route(.POST, "webhooks") != nil {
            let body = try request.jsonObject()
            let url = try body.string("url")
            try WebhookTarget.validate(url)
            let events = try body.optionalStrings("events") ?? ["person.updated"]
            let subscription = await state.register(WebhookSubscription(id: "", url: url, events: events))
            return .json(["data": body.adding("id", .string(subscription.id))], status: .created)
        }
        throw .unknownRoute(request)
    }

    /// `GET /persons`: `page` (0-based, 0), `limit` (200, at most 1000), `sort` (`desc`, the
    /// default, or `asc`), `modifiedSince` (ISO 8601), or `ids` (comma-separated, at most 1000).
    private func listPersons(_ request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if let ids = request.query.list("ids") {
            let persons = try await bulk(ids, maximum: 1000, state: state)
            return .json(["data": .array(persons.map(Self.json))], persons: persons.count)
        }
        let page = try request.query.integer("page", default: 0, in: 0...Int.max)
        let limit = try request.query.integer("limit", default: 200, in: 1...1000)
        let descending: Bool
        switch request.query["sort"] ?? "desc" {
        case "desc": descending = true
        case "asc": descending = false
        default: throw .badRequest("sort must be asc or desc")
        }
        let since = try request.query.timestamp("modifiedSince")
        let (persons, total) = await state.page(offset: page * limit, limit: limit, since: since, descending: descending)
        let body: JSONValue = [
            "data": .array(persons.map(Self.json)), "total": .integer(total), "hasMore": .bool(page * limit + persons.count < total),
            "page": .integer(page), "limit": .integer(limit),
        ]
        return .json(body, persons: persons.count)
    }

    func errorBody(for error: MockAPIError) -> JSONValue {
        ["error": .string(error.message), "code": .string(error.code), "status": .integer(Int(error.status.code))]
    }

    /// `{"event": "person.updated", "timestamp": …, "data": person}`.
    func webhookPayload(for change: PersonChange, to subscription: WebhookSubscription) -> JSONValue? {
        guard subscription.events.contains("person.updated") else { return nil }
        return ["event": "person.updated", "timestamp": .string(change.after.modifiedAt.formatted(.iso8601Milliseconds)), "data": Self.json(change.after)]
    }

    /// A person as the seed generates it: `id` (`mock_N`), names, one `email`, one `phone`.
    static func json(_ person: MockPerson) -> JSONValue {
        [
            "id": .string(CRM.scalingTest.personId(number: person.number)),
            "first_name": .string(person.firstName),
            "last_name": .string(person.lastName),
            "email": .string(person.email),
            "phone": person.phones.first.map { .string($0.value) } ?? .null,
            "created_at": .string(person.createdAt.formatted(.iso8601Milliseconds)),
            "updated_at": .string(person.modifiedAt.formatted(.iso8601Milliseconds)),
        ]
    }
}
