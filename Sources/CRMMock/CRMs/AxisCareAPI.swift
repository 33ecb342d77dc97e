import StrictJSON

/// AxisCare's contacts and communications, as the seed calls them: 1-indexed pages (`page`,
/// `per_page`) answered with `total_count`, `current_page` and `total_pages`. AxisCare has no
/// webhooks: integrations poll with `modified_since`.
struct AxisCareAPI: CRMAPI {
    let crm = CRM.axiscare

    func respond(to request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if request.route(.GET, "api/contacts") != nil {
            return try await listContacts(request, state: state)
        }
        if let captured = request.route(.GET, "api/contacts/*"), let id = captured.first {
            guard let person = await state.person(id: id) else { throw .notFound("Contact \(id) not found") }
            return .json(["contact": Self.json(person)], persons: 1)
        }
        if request.route(.POST, "api/communications") != nil {
            let body = try request.jsonObject()
            let contactId = String(try body.integer("contact_id"))
            let type = try body.string("type")
            guard type == "sms" || type == "phone" else { throw .badRequest("type must be sms or phone, not '\(type)'") }
            guard await state.exists(id: contactId) else { throw .notFound("Contact \(contactId) not found") }
            let communication = await state.record(activity: type, personId: contactId, body: body.value)
            return .json(["communication": body.adding("id", .integer(communication.id))], status: .created)
        }
        throw .unknownRoute(request)
    }

    /// `GET /api/contacts`: `page` (1-based, 1), `per_page` (50, at most 100), `sort_by`
    /// (`modified_date`), `sort_order` (`desc`, the default, or `asc`), `modified_since` (ISO 8601),
    /// or `ids` (comma-separated) for a bulk fetch.
    private func listContacts(_ request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if let ids = request.query.list("ids") {
            let persons = try await bulk(ids, state: state)
            return .json(envelope(persons, total: persons.count, page: 1, perPage: max(1, persons.count)), persons: persons.count)
        }
        let page = try request.query.integer("page", default: 1, in: 1...Int.max)
        let perPage = try request.query.integer("per_page", default: 50, in: 1...100)
        guard request.query["sort_by"].map({ $0 == "modified_date" }) ?? true else { throw .badRequest("sort_by must be modified_date") }
        let descending: Bool
        switch request.query["sort_order"] ?? "desc" {
        case "desc": descending = true
        case "asc": descending = false
        default: throw .badRequest("sort_order must be asc or desc")
        }
        let since = try request.query.timestamp("modified_since")
        let (persons, total) = await state.page(offset: (page - 1) * perPage, limit: perPage, since: since, descending: descending)
        return .json(envelope(persons, total: total, page: page, perPage: perPage), persons: persons.count)
    }

    private func envelope(_ persons: [MockPerson], total: Int, page: Int, perPage: Int) -> JSONValue {
        [
            "contacts": .array(persons.map(Self.json)), "total_count": .integer(total), "current_page": .integer(page),
            "per_page": .integer(perPage), "total_pages": .integer((total + perPage - 1) / perPage),
        ]
    }

    func errorBody(for error: MockAPIError) -> JSONValue {
        ["error": ["status": .integer(Int(error.status.code)), "code": .string(error.code), "message": .string(error.message)]]
    }

    func webhookPayload(for change: PersonChange, to subscription: WebhookSubscription) -> JSONValue? {
        nil
    }

    /// A contact: `contact_id`, `first_name`, `last_name`, `email`, `phone`, `mobile_phone`.
    static func json(_ person: MockPerson) -> JSONValue {
        [
            "contact_id": .integer(person.number),
            "first_name": .string(person.firstName),
            "last_name": .string(person.lastName),
            "email": .string(person.email),
            "phone": person.phones.first.map { .string($0.value) } ?? .null,
            "mobile_phone": person.phones.dropFirst().first.map { .string($0.value) } ?? .null,
            "status": "active",
            "created_date": .string(person.createdAt.formatted(.iso8601)),
            "modified_date": .string(person.modifiedAt.formatted(.iso8601)),
        ]
    }
}
