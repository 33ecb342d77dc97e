import StrictJSON

/// Pipedrive's v1 API for persons, activities and webhooks: offset pages (`start`, `limit`) with
/// `additional_data.pagination.more_items_in_collection` and, as the seed reads it, `total`.
/// As the real API, an empty page has `"data": null`.
struct PipedriveAPI: CRMAPI {
    let crm = CRM.pipedrive

    func respond(to request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if request.route(.GET, "v1/persons") != nil {
            return try await listPersons(request, state: state)
        }
        if let captured = request.route(.GET, "v1/persons/*"), let id = captured.first {
            guard let person = await state.person(id: id) else { throw .notFound("Person not found") }
            return .json(["success": true, "data": Self.json(person)], persons: 1)
        }
        if request.route(.POST, "v1/activities") != nil {
            let body = try request.jsonObject()
            let type = try body.string("type")
            let personId = String(try body.integer("person_id"))
            guard await state.exists(id: personId) else { throw .badRequest("person_id \(personId) does not exist") }
            let activity = await state.record(activity: type, personId: personId, body: body.value)
            return .json(["success": true, "data": body.adding("id", .integer(activity.id))], status: .created)
        }
        if request.route(.POST, "v1/webhooks") != nil {
            let body = try request.jsonObject()
            let url = try body.string("subscription_url")
            let action = try body.string("event_action")
            let object = try body.string("event_object")
            try WebhookTarget.validate(url)
            let subscription = await state.register(WebhookSubscription(id: "", url: url, events: ["\(action).\(object)"]))
            let data = body.adding("id", .integer(Int(subscription.id) ?? 0))
            return .json(["success": true, "status": "ok", "data": data], status: .created)
        }
        throw .unknownRoute(request)
    }

    /// `GET /v1/persons`: `start` (0), `limit` (100, at most 500), `sort` (`update_time DESC`, the
    /// default, or `update_time ASC`), the seed's `filter_id=recent_persons` with `start_date` (ISO
    /// 8601), or `ids` (comma-separated) for a bulk fetch in the order given.
    private func listPersons(_ request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if let ids = request.query.list("ids") {
            let persons = try await bulk(ids, state: state)
            return .json(["success": true, "data": .array(persons.map(Self.json))], persons: persons.count)
        }
        let start = try request.query.integer("start", default: 0, in: 0...Int.max)
        let limit = try request.query.integer("limit", default: 100, in: 1...500)
        let descending = try Self.descending(request.query["sort"])
        let since = try Self.recentSince(request.query)
        let (persons, total) = await state.page(offset: start, limit: limit, since: since, descending: descending)
        let more = start + persons.count < total
        var pagination: [String: JSONValue] = [
            "start": .integer(start), "limit": .integer(limit), "more_items_in_collection": .bool(more), "total": .integer(total),
        ]
        if more { pagination["next_start"] = .integer(start + persons.count) }
        let data: JSONValue = persons.isEmpty ? .null : .array(persons.map(Self.json))
        return .json(["success": true, "data": data, "additional_data": ["pagination": .object(pagination)]], persons: persons.count)
    }

    /// The time of the seed's ongoing-sync filter, `filter_id=recent_persons&start_date=ISO`. Real
    /// v1 `filter_id`s name saved filters; the mock knows only this one, as the seed calls it.
    private static func recentSince(_ query: QueryParameters) throws(MockAPIError) -> Timestamp? {
        guard let filter = query["filter_id"] else { return nil }
        guard filter == "recent_persons" else { throw .badRequest("filter_id '\(filter)' not found; the mock has only recent_persons") }
        guard let since = try query.timestamp("start_date") else { throw .badRequest("filter_id recent_persons needs start_date") }
        return since
    }

    /// `update_time DESC` or `update_time ASC` (a `+` for the space too); newest first by default.
    private static func descending(_ sort: String?) throws(MockAPIError) -> Bool {
        guard let sort else { return true }
        let words = sort.split { $0 == " " || $0 == "+" }.map { $0.lowercased() }
        guard words.first == "update_time", words.count <= 2 else {
            throw .badRequest("sort must be 'update_time DESC' or 'update_time ASC', not '\(sort)'")
        }
        switch words.last {
        case "desc": return true
        case "asc", "update_time": return false
        default: throw .badRequest("sort must be 'update_time DESC' or 'update_time ASC', not '\(sort)'")
        }
    }

    func errorBody(for error: MockAPIError) -> JSONValue {
        ["success": false, "error": .string(error.message), "errorCode": .integer(Int(error.status.code))]
    }

    /// A v1 webhook: `{"v": 1, "event": "updated.person", "meta": {…}, "current": {…}, "previous": {…}}`.
    func webhookPayload(for change: PersonChange, to subscription: WebhookSubscription) -> JSONValue? {
        let wanted = subscription.events.contains { event in
            let parts = event.split(separator: ".")
            return parts.count == 2 && (parts[0] == "updated" || parts[0] == "*") && (parts[1] == "person" || parts[1] == "*")
        }
        guard wanted else { return nil }
        let meta: JSONValue = [
            "v": 1, "action": "updated", "object": "person", "id": .integer(change.after.number),
            "timestamp": .integer(Int(change.after.modifiedAt.millisecondsSinceEpoch)), "webhook_id": .string(subscription.id),
        ]
        return ["v": 1, "event": "updated.person", "meta": meta, "current": Self.json(change.after), "previous": Self.json(change.before)]
    }

    /// A person as v1 writes it: `phone` and `email` as labelled arrays with one `primary`.
    static func json(_ person: MockPerson) -> JSONValue {
        [
            "id": .integer(person.number),
            "name": .string("\(person.firstName) \(person.lastName)"),
            "first_name": .string(person.firstName),
            "last_name": .string(person.lastName),
            "phone": .array(
                person.phones.enumerated().map { index, phone in
                    ["label": .string(phone.label), "value": .string(phone.value), "primary": .bool(index == 0)]
                }),
            "email": [["label": "work", "value": .string(person.email), "primary": true]],
            "org_id": ["name": .string(person.company), "value": .integer(person.companyId)],
            "org_name": .string(person.company),
            "job_title": .string(person.jobTitle),
            "active_flag": true,
            "add_time": .string(person.createdAt.formatted(.spaceSeparated)),
            "update_time": .string(person.modifiedAt.formatted(.spaceSeparated)),
        ]
    }
}
