import CRMMock
import StrictJSON
import Testing

/// One person list the tests read: a CRM, and for Zoho CRM the module.
struct PersonList: Sendable, CustomTestStringConvertible {
    let crm: CRM
    let kind: PersonKind

    static let all = CRM.allCases.flatMap { crm in crm.personKinds.map { PersonList(crm: crm, kind: $0) } }

    var testDescription: String { crm == .zoho ? "zoho \(kind == .contact ? "Contacts" : "Leads")" : crm.rawValue }

    func id(_ number: Int) -> String { crm.personId(number: number, kind: kind) }
}

/// A page as the tests compare them, whatever the CRM's shape.
struct PersonPage: Sendable {
    var persons: [JSONValue]
    /// All matches, where the page says (Zoho CRM says it at `actions/count` instead).
    var total: Int?
    var hasMore: Bool
}

/// Reads a mock CRM the way its integration does, in the CRM's own pagination style.
struct CRMClient: Sendable {
    let harness: MockHarness
    let list: PersonList

    private var zohoModule: String { list.kind == .contact ? "Contacts" : "Leads" }

    /// Page `index` (0-based here, whatever the CRM counts from) of `size` persons.
    func page(_ index: Int, size: Int, since: Timestamp? = nil, ascending: Bool = false) async throws -> PersonPage {
        let order = ascending ? "asc" : "desc"
        let sinceText = since?.description
        switch list.crm {
        case .pipedrive:
            var path = "/pipedrive/v1/persons?start=\(index * size)&limit=\(size)&sort=update_time%20\(order.uppercased())"
            if let sinceText { path += "&filter_id=recent_persons&start_date=\(sinceText)" }
            let body = try await ok(harness.get(path))
            let pagination = body["additional_data"]?["pagination"]
            return PersonPage(
                persons: body["data"]?.array ?? [], total: pagination?["total"]?.integer,
                hasMore: try #require(pagination?["more_items_in_collection"]?.bool as Bool?))
        case .attio:
            var query: [String: JSONValue] = [
                "limit": .integer(size), "offset": .integer(index * size), "sorts": [["attribute": "updated_at", "direction": .string(order)]],
            ]
            if let sinceText { query["filter"] = ["updated_at": ["$gte": .string(sinceText)]] }
            let body = try await ok(harness.post("/attio/v2/objects/people/records/query", .object(query)))
            return PersonPage(persons: try #require(body["data"]?.array), total: body["count"]?.integer, hasMore: try #require(body["has_more"]?.bool as Bool?))
        case .axiscare:
            var path = "/axiscare/api/contacts?page=\(index + 1)&per_page=\(size)&sort_by=modified_date&sort_order=\(order)"
            if let sinceText { path += "&modified_since=\(sinceText)" }
            let body = try await ok(harness.get(path))
            let current = try #require(body["current_page"]?.integer)
            return PersonPage(
                persons: try #require(body["contacts"]?.array), total: body["total_count"]?.integer,
                hasMore: current < (try #require(body["total_pages"]?.integer)))
        case .zoho:
            let path = "/zoho-crm/crm/v2/\(zohoModule)?page=\(index + 1)&per_page=\(size)&sort_by=Modified_Time&sort_order=\(order)"
            let reply = try await harness.get(path, headers: sinceText.map { ["If-Modified-Since": $0] } ?? [:])
            if reply.status == 204 { return PersonPage(persons: [], total: nil, hasMore: false) }
            let body = try ok(reply)
            return PersonPage(persons: try #require(body["data"]?.array), total: nil, hasMore: try #require(body["info"]?["more_records"]?.bool as Bool?))
        case .scalingTest:
            var path = "/scaling-test/persons?page=\(index)&limit=\(size)&sort=\(order)"
            if let sinceText { path += "&modifiedSince=\(sinceText)" }
            let body = try await ok(harness.get(path))
            return PersonPage(persons: try #require(body["data"]?.array), total: body["total"]?.integer, hasMore: try #require(body["hasMore"]?.bool as Bool?))
        }
    }

    /// Zoho CRM's total, from `actions/count`; the others' from their first page.
    func total(since: Timestamp? = nil) async throws -> Int? {
        guard list.crm == .zoho else { return try await page(0, size: 1, since: since).total }
        let reply = try await harness.get("/zoho-crm/crm/v2/\(zohoModule)/actions/count", headers: since.map { ["If-Modified-Since": $0.description] } ?? [:])
        return try ok(reply)["count"]?.integer
    }

    /// Every page in turn until the CRM says there are no more: the persons' ids and modification
    /// times in the order served, and how many pages it took.
    func walk(size: Int, since: Timestamp? = nil, ascending: Bool = false) async throws -> (ids: [String], modified: [Timestamp], pages: Int) {
        var ids: [String] = []
        var modified: [Timestamp] = []
        for index in 0..<1000 {
            let page = try await page(index, size: size, since: since, ascending: ascending)
            for person in page.persons {
                ids.append(try #require(id(of: person)))
                modified.append(try #require(modifiedAt(of: person)))
            }
            if !page.hasMore { return (ids, modified, index + 1) }
        }
        Issue.record("more than 1000 pages")
        return (ids, modified, 1000)
    }

    /// The persons with `ids`, by the CRM's bulk fetch.
    func bulk(_ ids: [String]) async throws -> [JSONValue] {
        let joined = ids.joined(separator: ",")
        switch list.crm {
        case .pipedrive: return try await ok(harness.get("/pipedrive/v1/persons?ids=\(joined)"))["data"]?.array ?? []
        case .attio:
            let query: JSONValue = ["filter": ["record_id": ["$in": .array(ids.map { .string($0) })]]]
            return try #require(try await ok(harness.post("/attio/v2/objects/people/records/query", query))["data"]?.array)
        case .axiscare: return try #require(try await ok(harness.get("/axiscare/api/contacts?ids=\(joined)"))["contacts"]?.array)
        case .zoho:
            let reply = try await harness.get("/zoho-crm/crm/v2/\(zohoModule)?ids=\(joined)")
            return reply.status == 204 ? [] : try #require(try ok(reply)["data"]?.array)
        case .scalingTest: return try #require(try await ok(harness.get("/scaling-test/persons?ids=\(joined)"))["data"]?.array)
        }
    }

    func id(of person: JSONValue) -> String? {
        switch list.crm {
        case .pipedrive: person["id"]?.integer.map(String.init)
        case .attio: person["id"]?["record_id"]?.string
        case .axiscare: person["contact_id"]?.integer.map(String.init)
        case .zoho, .scalingTest: person["id"]?.string
        }
    }

    func modifiedAt(of person: JSONValue) -> Timestamp? {
        let text: String? =
            switch list.crm {
            case .pipedrive: person["update_time"]?.string
            case .attio, .scalingTest: person["updated_at"]?.string
            case .axiscare: person["modified_date"]?.string
            case .zoho: person["Modified_Time"]?.string
            }
        return text.flatMap { Timestamp(parsing: $0) }
    }

    func email(of person: JSONValue) -> String? {
        switch list.crm {
        case .pipedrive: person["email"]?[0]?["value"]?.string
        case .attio: person["values"]?["email_addresses"]?[0]?["email_address"]?.string
        case .axiscare, .scalingTest: person["email"]?.string
        case .zoho: person["Email"]?.string
        }
    }

    func phones(of person: JSONValue) -> [String] {
        let values: [JSONValue?] =
            switch list.crm {
            case .pipedrive: (person["phone"]?.array ?? []).map { $0["value"] }
            case .attio: (person["values"]?["phone_numbers"]?.array ?? []).map { $0["phone_number"] }
            case .axiscare: [person["phone"], person["mobile_phone"]]
            case .zoho: [person["Phone"], person["Mobile"]]
            case .scalingTest: [person["phone"]]
            }
        return values.compactMap { $0?.string }
    }

    /// The body of a 200 answer.
    func ok(_ reply: Reply) throws -> JSONValue {
        try #require(reply.status == 200, "status \(reply.status): \(String(describing: reply.json))")
        return try reply.body
    }
}
