import StrictJSON

/// Zoho CRM's v2 API for two modules, `Contacts` and `Leads`: 1-indexed pages (`page`,
/// `per_page`) answered with `info.more_records`, the total from `GET /{module}/actions/count`,
/// and modification filtering by the `If-Modified-Since` header. As the real API, a list with
/// nothing to return answers `204 No Content` with no body.
struct ZohoAPI: CRMAPI {
    let crm = CRM.zoho

    func respond(to request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if let captured = request.route(.GET, "crm/v2/*"), let module = captured.first {
            return try await listRecords(Self.kind(module), request, state: state)
        }
        if let captured = request.route(.GET, "crm/v2/*/actions/count"), let module = captured.first {
            let since = try Self.modifiedSince(request)
            let (_, total) = await state.page(try Self.kind(module), offset: 0, limit: 0, since: since, descending: true)
            return .json(["count": .integer(total)])
        }
        if let captured = request.route(.GET, "crm/v2/*/*"), captured.count == 2 {
            guard let person = await state.person(id: captured[1], kind: try Self.kind(captured[0])) else {
                throw MockAPIError(.notFound, code: "INVALID_DATA", "the related id given seems to be invalid")
            }
            return .json(["data": [Self.json(person)]], persons: 1)
        }
        if let captured = request.route(.POST, "crm/v2/*/*/Notes"), captured.count == 2 {
            guard await state.exists(id: captured[1], kind: try Self.kind(captured[0])) else {
                throw MockAPIError(.notFound, code: "INVALID_DATA", "the related id given seems to be invalid")
            }
            var results: [JSONValue] = []
            for note in try request.jsonObject().objects("data") {
                _ = try note.string("Note_Content")
                results.append(Self.added(await state.record(activity: "note", personId: captured[1], body: note.value)))
            }
            return .json(["data": .array(results)], status: .created)
        }
        if request.route(.POST, "crm/v2/Calls") != nil {
            var results: [JSONValue] = []
            for call in try request.jsonObject().objects("data") {
                _ = try call.string("Call_Type")
                let personId = try await Self.callee(call, state: state)
                results.append(Self.added(await state.record(activity: "call", personId: personId, body: call.value)))
            }
            return .json(["data": .array(results)], status: .created)
        }
        if request.route(.POST, "crm/v2/actions/watch") != nil {
            var results: [JSONValue] = []
            for watch in try request.jsonObject().objects("watch") {
                results.append(try await subscribe(watch, state: state))
            }
            return .json(["watch": .array(results)])
        }
        throw .unknownRoute(request)
    }

    /// `GET /crm/v2/{Contacts|Leads}`: `page` (1-based, 1), `per_page` (200, at most 200), `sort_by`
    /// (`Modified_Time`), `sort_order` (`desc`, the default, or `asc`), the `If-Modified-Since`
    /// header (ISO 8601), or `ids` (comma-separated, at most 100) for a bulk fetch.
    private func listRecords(_ kind: PersonKind, _ request: MockRequest, state: CRMState) async throws(MockAPIError) -> MockResponse {
        if let ids = request.query.list("ids") {
            let persons = try await bulk(ids, kind: kind, state: state)
            guard !persons.isEmpty else { return .noContent }
            let info: JSONValue = ["per_page": .integer(persons.count), "count": .integer(persons.count), "page": 1, "more_records": false]
            return .json(["data": .array(persons.map(Self.json)), "info": info], persons: persons.count)
        }
        let page = try request.query.integer("page", default: 1, in: 1...Int.max)
        let perPage = try request.query.integer("per_page", default: 200, in: 1...200)
        guard request.query["sort_by"].map({ $0 == "Modified_Time" }) ?? true else { throw .badRequest("sort_by must be Modified_Time") }
        let order = request.query["sort_order"] ?? "desc"
        guard order == "desc" || order == "asc" else { throw .badRequest("sort_order must be asc or desc") }
        let since = try Self.modifiedSince(request)
        let (persons, total) = await state.page(kind, offset: (page - 1) * perPage, limit: perPage, since: since, descending: order == "desc")
        guard !persons.isEmpty else { return .noContent }
        let info: JSONValue = [
            "per_page": .integer(perPage), "count": .integer(persons.count), "page": .integer(page), "sort_by": "Modified_Time",
            "sort_order": .string(order), "more_records": .bool((page - 1) * perPage + persons.count < total),
        ]
        return .json(["data": .array(persons.map(Self.json)), "info": info], persons: persons.count)
    }

    /// One `watch` entry: `channel_id`, `events` (`Contacts.all`, `Leads.edit`…), `notify_url`,
    /// optional `token`.
    private func subscribe(_ watch: JSONObject, state: CRMState) async throws(MockAPIError) -> JSONValue {
        let channelId: String
        switch watch.fields["channel_id"] {
        case .string(let id)?: channelId = id
        case .integer(let id)?: channelId = String(id)
        default: throw .badRequest("\(watch.path).channel_id is required: a number or a string")
        }
        let url = try watch.string("notify_url")
        try WebhookTarget.validate(url)
        let events = try watch.optionalStrings("events") ?? []
        for event in events {
            let parts = event.split(separator: ".")
            guard parts.count == 2, Self.modules.contains(String(parts[0])), ["all", "create", "edit", "delete"].contains(parts[1]) else {
                throw .badRequest("\(watch.path).events: '\(event)' is not Module.all, .create, .edit or .delete for Contacts or Leads")
            }
        }
        guard !events.isEmpty else { throw .badRequest("\(watch.path).events must name at least one event") }
        let subscription = await state.register(
            WebhookSubscription(id: channelId, url: url, events: events, token: try watch.optionalString("token")))
        let details: [JSONValue] = events.map { event in
            let module = String(event.prefix { $0 != "." })
            return [
                "channel_id": .string(subscription.id), "resource_name": .string(module), "resource_uri": .string(Self.resourceURI(module)),
                "resource_id": .string(Self.moduleId(module)), "channel_expiry": "2099-01-01T00:00:00+00:00",
            ]
        }
        return [
            "code": "SUCCESS", "details": ["events": .array(details)], "status": "success",
            "message": "Successfully subscribed for actions-watch of the given module",
        ]
    }

    /// The person a call is logged on: `Who_Id.id` (a contact), or `What_Id.id` with `$se_module`.
    private static func callee(_ call: JSONObject, state: CRMState) async throws(MockAPIError) -> String {
        let id: String
        let kind: PersonKind
        if let who = try call.optionalObject("Who_Id") {
            (id, kind) = (try who.string("id"), .contact)
        } else if let what = try call.optionalObject("What_Id") {
            (id, kind) = (try what.string("id"), try Self.kind(try call.string("$se_module")))
        } else {
            throw .badRequest("\(call.path) needs Who_Id (a contact) or What_Id with $se_module")
        }
        guard await state.exists(id: id, kind: kind) else { throw MockAPIError(.notFound, code: "INVALID_DATA", "the related id given seems to be invalid") }
        return id
    }

    private static let modules = ["Contacts", "Leads"]

    private static func kind(_ module: String) throws(MockAPIError) -> PersonKind {
        switch module {
        case "Contacts": return .contact
        case "Leads": return .lead
        default: throw MockAPIError(.badRequest, code: "INVALID_MODULE", "the module name given seems to be invalid: \(module)")
        }
    }

    private static func module(_ kind: PersonKind) -> String {
        kind == .contact ? "Contacts" : "Leads"
    }

    private static func modifiedSince(_ request: MockRequest) throws(MockAPIError) -> Timestamp? {
        guard let header = request.headers.first(name: "If-Modified-Since") else { return nil }
        guard let since = Timestamp(parsing: header) else {
            throw .badRequest("If-Modified-Since must be an ISO 8601 time such as 2025-06-01T12:00:00+00:00, not '\(header)'")
        }
        return since
    }

    private static func resourceURI(_ module: String) -> String {
        "https://www.zohoapis.com/crm/v2/\(module)"
    }

    private static func moduleId(_ module: String) -> String {
        module == "Contacts" ? "4150868000000002179" : "4150868000000002175"
    }

    /// The answer for one record a POST added.
    private static func added(_ activity: StoredActivity) -> JSONValue {
        [
            "code": "SUCCESS", "message": "record added", "status": "success",
            "details": ["id": .string(String(4_150_868_000_009_000_000 + Int64(activity.id))), "Created_Time": .string(activity.receivedAt.formatted(.utcOffset))],
        ]
    }

    func errorBody(for error: MockAPIError) -> JSONValue {
        let code: String
        switch error.status.code {
        case 429: code = "TOO_MANY_REQUESTS"
        case 500...: code = "INTERNAL_ERROR"
        default: code = error.code.uppercased()
        }
        return ["code": .string(code), "details": [:], "message": .string(error.message), "status": "error"]
    }

    /// A notification: `{"module": "Contacts", "ids": [id], "operation": "update", "channel_id": …, "token": …}`.
    func webhookPayload(for change: PersonChange, to subscription: WebhookSubscription) -> JSONValue? {
        let module = Self.module(change.after.kind)
        guard subscription.events.contains("\(module).all") || subscription.events.contains("\(module).edit") else { return nil }
        let id = crm.personId(number: change.after.number, kind: change.after.kind)
        return [
            "server_time": .integer(Int(change.after.modifiedAt.millisecondsSinceEpoch)), "query_params": [:], "module": .string(module),
            "resource_uri": .string(Self.resourceURI(module)), "ids": [.string(id)], "affected_fields": [.object([id: ["Email"]])],
            "operation": "update", "channel_id": .string(subscription.id), "token": subscription.token.map { .string($0) } ?? .null,
        ]
    }

    /// A record: `id`, `First_Name`, `Last_Name`, `Email`, `Phone`, `Mobile`, `Modified_Time`; a
    /// contact has `Account_Name: {name, id}`, a lead `Company` and `Lead_Status`.
    static func json(_ person: MockPerson) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(CRM.zoho.personId(number: person.number, kind: person.kind)),
            "First_Name": .string(person.firstName),
            "Last_Name": .string(person.lastName),
            "Full_Name": .string("\(person.firstName) \(person.lastName)"),
            "Email": .string(person.email),
            "Phone": person.phones.first.map { .string($0.value) } ?? .null,
            "Mobile": person.phones.dropFirst().first.map { .string($0.value) } ?? .null,
            "Created_Time": .string(person.createdAt.formatted(.utcOffset)),
            "Modified_Time": .string(person.modifiedAt.formatted(.utcOffset)),
        ]
        switch person.kind {
        case .contact:
            fields["Title"] = .string(person.jobTitle)
            fields["Account_Name"] = ["name": .string(person.company), "id": .string(String(4_150_868_000_003_000_000 + Int64(person.companyId)))]
        case .lead:
            fields["Designation"] = .string(person.jobTitle)
            fields["Company"] = .string(person.company)
            fields["Lead_Status"] = person.number % 2 == 0 ? "Contacted" : "Not Contacted"
        }
        return .object(fields)
    }
}
