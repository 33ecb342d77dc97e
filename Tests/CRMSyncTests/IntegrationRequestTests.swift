import CRMSync
import Foundation
import StrictJSON
import Testing

/// The requests each integration sends its CRM, and how it reads the answers: the contract the
/// mock CRM serves.
@Suite("Integrations' requests to their CRMs")
struct IntegrationRequestTests {
    static let modified = Date(timeIntervalSince1970: 1_759_401_000)  // 2025-10-02T10:30:00Z
    static let at = Date(timeIntervalSince1970: 1_759_492_800)  // 2025-10-03T12:00:00Z

    @Test("Pipedrive pages by record offset, newest first, and reads the pagination block")
    func pipedrivePage() async throws {
        let client = ScriptedCRMClient(json: """
            {"success": true, "data": [{"id": 7, "first_name": "A", "last_name": "B"}],
             "additional_data": {"pagination": {"start": 200, "limit": 100, "more_items_in_collection": true, "total": 1500}}}
            """)
        let page = try await PipedriveIntegration(client: client).fetchPersonPage(
            PageRequest(objectType: "Person", page: 2, limit: 100, sortDesc: true))
        #expect(page == PersonPage(persons: [PipedrivePerson(id: 7, firstName: "A", lastName: "B")], total: 1500, hasMore: true))
        #expect(client.requests == [CRMRequest(.get, "/v1/persons", query: [
            .init("start", "200"), .init("limit", "100"), .init("sort", "update_time DESC"),
        ])])
    }

    @Test("Pipedrive's ongoing sync filters recent persons; an empty page has data null")
    func pipedriveOngoing() async throws {
        let client = ScriptedCRMClient(json: #"{"success": true, "data": null, "additional_data": {"pagination": {"more_items_in_collection": false}}}"#)
        let page = try await PipedriveIntegration(client: client).fetchPersonPage(
            PageRequest(objectType: "Person", page: 0, limit: 50, modifiedSince: Self.modified, sortDesc: false))
        #expect(page == PersonPage(persons: [], total: nil, hasMore: false))
        #expect(client.requests.first?.query == [
            .init("start", "0"), .init("limit", "50"), .init("sort", "update_time ASC"), .init("filter_id", "recent_persons"),
            .init("start_date", "2025-10-02T10:30:00.000Z"),
        ])
    }

    @Test("Pipedrive reads persons by id one at a time and skips deleted ones")
    func pipedriveByIds() async throws {
        let client = ScriptedCRMClient { request in
            request.path == "/v1/persons/2"
                ? CRMResponse(status: 404, body: Array(#"{"success": false}"#.utf8))
                : CRMResponse(status: 200, body: Array(#"{"success": true, "data": {"id": \#(request.path.split(separator: "/").last ?? "0")}}"#.utf8))
        }
        let persons = try await PipedriveIntegration(client: client).fetchPersonsByIds(["1", "2", "3"], objectType: "Person")
        #expect(persons.map(\.crmId) == ["1", "3"])
    }

    @Test("Pipedrive logs SMS and calls as activities and subscribes to person updates")
    func pipedriveActivity() async throws {
        let client = ScriptedCRMClient(json: "{}")
        let pipedrive = PipedriveIntegration(client: client)
        try await pipedrive.logSMSToActivity(SMSActivity(
            QuoMessage(direction: .inbound, body: "Hi there", createdAt: Self.at, contactId: "7")))
        try await pipedrive.logCallToActivity(CallActivity(
            QuoCall(direction: .outbound, duration: 95, aiSummary: "Booked a demo", createdAt: Self.at, contactId: "7")))
        try await pipedrive.setupWebhooks(apiURL: "http://127.0.0.1:3000/")
        #expect(client.requests.map(\.path) == ["/v1/activities", "/v1/activities", "/v1/webhooks"])
        #expect(client.requests.map(\.bodyText) == [
            #"{"done":true,"note":"Hi there","person_id":7,"subject":"SMS: inbound","type":"sms"}"#,
            #"{"done":true,"duration":95,"note":"Booked a demo","person_id":7,"subject":"Call: outbound","type":"call"}"#,
            #"{"event_action":"updated","event_object":"person","subscription_url":"http://127.0.0.1:3000/webhooks/pipedrive"}"#,
        ])
    }

    @Test("Attio queries people by offset with a sort and, for ongoing syncs, a filter; by ids with $in")
    func attio() async throws {
        let client = ScriptedCRMClient(json: #"{"data": [{"id": {"record_id": "rec-1"}, "values": {}}], "count": 120, "has_more": true}"#)
        let attio = AttioIntegration(client: client)
        let page = try await attio.fetchPersonPage(
            PageRequest(objectType: "Person", page: 1, limit: 100, modifiedSince: Self.modified, sortDesc: true))
        #expect(page.total == 120 && page.hasMore && page.persons.map(\.crmId) == ["rec-1"])
        _ = try await attio.fetchPersonsByIds(["rec-1", "rec-2"], objectType: "Person")
        try await attio.logCallToActivity(CallActivity(
            QuoCall(direction: .inbound, duration: 30, aiSummary: nil, createdAt: Self.at, contactId: "rec-1")))
        try await attio.setupWebhooks(apiURL: "http://127.0.0.1:3000")
        #expect(client.requests.map(\.path) == [
            "/v2/objects/people/records/query", "/v2/objects/people/records/query", "/v2/notes", "/v2/webhooks",
        ])
        #expect(client.requests.map(\.bodyText) == [
            #"{"filter":{"updated_at":{"$gte":"2025-10-02T10:30:00.000Z"}},"limit":100,"offset":100,"sorts":[{"attribute":"updated_at","direction":"desc"}]}"#,
            #"{"filter":{"record_id":{"$in":["rec-1","rec-2"]}},"limit":2,"offset":0,"sorts":[]}"#,
            #"{"data":{"content":"","created_at":"2025-10-03T12:00:00.000Z","format":"plaintext","parent_object":"people","parent_record_id":"rec-1","title":"Call: inbound (30s)"}}"#,
            #"{"data":{"subscriptions":[{"event_type":"record.updated","filter":null}],"target_url":"http://127.0.0.1:3000/webhooks/attio"}}"#,
        ])
    }

    @Test("AxisCare counts pages from 1: the sync's page 0 is its page 1")
    func axisCarePages() async throws {
        let client = ScriptedCRMClient(json: """
            {"contacts": [{"contact_id": 1, "first_name": "A", "last_name": "B"}], "total_count": 120,
             "current_page": 1, "total_pages": 3}
            """)
        let page = try await AxisCareIntegration(client: client).fetchPersonPage(
            PageRequest(objectType: "Contact", page: 0, limit: 50, sortDesc: true))
        #expect(page.total == 120 && page.hasMore)
        #expect(client.requests == [CRMRequest(.get, "/api/contacts", query: [
            .init("page", "1"), .init("per_page", "50"), .init("sort_by", "modified_date"), .init("sort_order", "desc"),
        ])])
    }

    @Test("AxisCare has no webhooks and no read by ids")
    func axisCareLimits() async throws {
        let client = ScriptedCRMClient(json: "{}")
        let axisCare = AxisCareIntegration(client: client)
        try await axisCare.setupWebhooks(apiURL: "http://127.0.0.1:3000")
        #expect(client.requests.isEmpty)
        #expect(!AxisCareIntegration.fetchesPersonsByIds)
        await #expect(throws: CRMIntegrationError.self) { try await axisCare.fetchPersonsByIds(["1"], objectType: "Contact") }
        try await axisCare.logSMSToActivity(SMSActivity(QuoMessage(direction: .outbound, body: "On my way", createdAt: Self.at, contactId: "1")))
        #expect(client.requests.first?.bodyText == #"{"contact_id":1,"content":"On my way","date":"2025-10-03T12:00:00.000Z","direction":"outbound","type":"sms"}"#)
    }

    @Test("Zoho CRM pages each module from 1 and asks the count on the first page only")
    func zohoPages() async throws {
        let client = ScriptedCRMClient { request in
            let body = request.path.hasSuffix("/actions/count")
                ? #"{"count": 230}"#
                : #"{"data": [{"id": "z-1", "Company": "NASA"}], "info": {"per_page": 100, "count": 1, "page": 1, "more_records": true}}"#
            return CRMResponse(status: 200, body: Array(body.utf8))
        }
        let zoho = ZohoCRMIntegration(client: client)
        let first = try await zoho.fetchPersonPage(PageRequest(objectType: "Lead", page: 0, limit: 100, modifiedSince: Self.modified, sortDesc: false))
        #expect(first == PersonPage(persons: [.lead(ZohoLead(id: "z-1", firstName: nil, lastName: nil, company: "NASA"))], total: 230, hasMore: true))
        let second = try await zoho.fetchPersonPage(PageRequest(objectType: "Contact", page: 1, limit: 100, sortDesc: true))
        #expect(second.total == nil)
        #expect(client.requests.map { "\($0.method.rawValue) \($0.path) \($0.queryValue("page") ?? "-")" } == [
            "GET /crm/v2/Leads 1", "GET /crm/v2/Leads/actions/count -", "GET /crm/v2/Contacts 2",
        ])
        #expect(client.requests[0].headers == [.init("If-Modified-Since", "2025-10-02T10:30:00.000Z")])
        await #expect(throws: CRMIntegrationError(.unknownObjectType, #"Zoho CRM syncs Contact and Lead, not "Deal""#)) {
            try await zoho.fetchPersonPage(PageRequest(objectType: "Deal", page: 0, limit: 10, sortDesc: true))
        }
    }

    @Test("Zoho CRM notes an SMS on the contact, logs calls with mm:ss durations and watches both modules")
    func zohoActivity() async throws {
        let client = ScriptedCRMClient(json: "{}")
        let zoho = ZohoCRMIntegration(client: client)
        try await zoho.logSMSToActivity(SMSActivity(QuoMessage(direction: .outbound, body: "On my way", createdAt: Self.at, contactId: "z-1")))
        try await zoho.logCallToActivity(CallActivity(
            QuoCall(direction: .inbound, duration: 605, aiSummary: "Renewal", createdAt: Self.at, contactId: "z-1")))
        try await zoho.setupWebhooks(apiURL: "http://127.0.0.1:3000")
        #expect(client.requests.map(\.path) == ["/crm/v2/Contacts/z-1/Notes", "/crm/v2/Calls", "/crm/v2/actions/watch"])
        #expect(client.requests.map(\.bodyText) == [
            #"{"data":[{"Note_Content":"On my way","Note_Title":"SMS: outbound"}]}"#,
            #"{"data":[{"Call_Duration":"10:05","Call_Start_Time":"2025-10-03T12:00:00.000Z","Call_Type":"Inbound","Description":"Renewal","Subject":"Call: inbound","Who_Id":{"id":"z-1"}}]}"#,
            #"{"watch":[{"channel_id":1000000068001,"events":["Contacts.all","Leads.all"],"notify_url":"http://127.0.0.1:3000/webhooks/zoho-crm"}]}"#,
        ])
    }

    @Test("Zoho CRM's 204 No Content is an empty page and an empty read by ids")
    func zohoNoContent() async throws {
        let client = ScriptedCRMClient { request in
            request.path.hasSuffix("/actions/count") ? CRMResponse(status: 200, body: Array(#"{"count": 0}"#.utf8)) : CRMResponse(status: 204)
        }
        let zoho = ZohoCRMIntegration(client: client)
        let page = try await zoho.fetchPersonPage(PageRequest(objectType: "Contact", page: 0, limit: 100, modifiedSince: Self.modified, sortDesc: true))
        #expect(page == PersonPage(persons: [], total: 0, hasMore: false))
        #expect(try await zoho.fetchPersonsByIds(["z-9"], objectType: "Lead").isEmpty)
    }

    @Test("ScalingTest pages by page number from 0 and reads persons by ids in one request")
    func scalingTest() async throws {
        let client = ScriptedCRMClient { request in
            let body = request.queryValue("ids") != nil
                ? #"{"data": [{"id": "mock_5"}]}"#
                : #"{"data": [{"id": "mock_400"}], "total": 10000, "hasMore": true}"#
            return CRMResponse(status: 200, body: Array(body.utf8))
        }
        let scalingTest = ScalingTestIntegration(client: client)
        let page = try await scalingTest.fetchPersonPage(
            PageRequest(objectType: "MockPerson", page: 2, limit: 200, modifiedSince: Self.modified, sortDesc: true))
        #expect(page.total == 10000 && page.persons.map(\.crmId) == ["mock_400"])
        #expect(try await scalingTest.fetchPersonsByIds(["mock_5", "mock_6"], objectType: "MockPerson").map(\.crmId) == ["mock_5"])
        #expect(client.requests == [
            CRMRequest(.get, "/persons", query: [
                .init("page", "2"), .init("limit", "200"), .init("sort", "desc"), .init("modifiedSince", "2025-10-02T10:30:00.000Z"),
            ]),
            CRMRequest(.get, "/persons", query: [.init("ids", "mock_5,mock_6")]),
        ])
    }

    @Test("ScalingTest logs activity on the contact and subscribes to person updates")
    func scalingTestActivity() async throws {
        let client = ScriptedCRMClient(json: "{}")
        let scalingTest = ScalingTestIntegration(client: client)
        try await scalingTest.logSMSToActivity(SMSActivity(QuoMessage(direction: .inbound, body: "Hi", createdAt: Self.at, contactId: "mock_3")))
        try await scalingTest.logCallToActivity(CallActivity(
            QuoCall(direction: .outbound, duration: 42, aiSummary: nil, createdAt: Self.at, contactId: "mock_3")))
        try await scalingTest.setupWebhooks(apiURL: "http://127.0.0.1:3000")
        #expect(client.requests.map(\.path) == ["/activities", "/activities", "/webhooks"])
        #expect(client.requests.map(\.bodyText) == [
            #"{"body":"Hi","contactId":"mock_3","direction":"inbound","timestamp":"2025-10-03T12:00:00.000Z","type":"sms"}"#,
            #"{"contactId":"mock_3","direction":"outbound","duration":42,"timestamp":"2025-10-03T12:00:00.000Z","type":"call"}"#,
            #"{"active":true,"events":["person.updated"],"url":"http://127.0.0.1:3000/webhooks/scaling-test"}"#,
        ])
    }

    @Test("Pipedrive and AxisCare ids are integers: another contact id is refused before any request")
    func integerContactIds() async throws {
        let client = ScriptedCRMClient(json: "{}")
        let sms = SMSActivity(QuoMessage(direction: .inbound, body: "Hi", createdAt: Self.at, contactId: "ac-1"))
        await #expect(throws: CRMIntegrationError(.invalidContactId, #"pipedrive contact ids are integers, not "ac-1""#)) {
            try await PipedriveIntegration(client: client).logSMSToActivity(sms)
        }
        await #expect(throws: CRMIntegrationError(.invalidContactId, #"axiscare contact ids are integers, not "ac-1""#)) {
            try await AxisCareIntegration(client: client).logSMSToActivity(sms)
        }
        #expect(client.requests.isEmpty)
    }

    @Test("a CRM's error status is a typed error naming the request")
    func rejected() async throws {
        let client = ScriptedCRMClient { _ in CRMResponse(status: 401, body: Array(#"{"error":"unauthorized"}"#.utf8)) }
        await #expect(throws: CRMRequestError(.rejected, status: 401, message: #"GET /api/contacts answered 401: {"error":"unauthorized"}"#)) {
            try await AxisCareIntegration(client: client).fetchPersonPage(PageRequest(objectType: "Contact", page: 0, limit: 5, sortDesc: true))
        }
    }

    @Test("the catalog has one integration per functions/ folder, with the object types of its integration.json")
    func catalogMatchesDefinitions() throws {
        let functions = TestFiles.packageRoot.appendingPathComponent("functions")
        var declared: [String: [String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: functions.path) {
            let file = functions.appendingPathComponent(name).appendingPathComponent("integration.json")
            guard let bytes = FileManager.default.contents(atPath: file.path) else { continue }
            guard case .object(let definition) = try JSONParser.parse(Array(bytes)),
                case .array(let types)? = definition["personObjectTypes"]
            else { Issue.record("\(file.path) has no personObjectTypes"); continue }
            declared[name] = types.compactMap { type in
                guard case .object(let members) = type, case .string(let name)? = members["crmObjectName"] else { return nil }
                return name
            }
        }
        let catalog = Dictionary(uniqueKeysWithValues: IntegrationCatalog.integrationTypes.map { ($0.name, $0.personObjectTypes) })
        #expect(catalog == declared)
        let client = ScriptedCRMClient(json: "{}")
        #expect(try type(of: IntegrationCatalog.integration(named: "zoho-crm", client: client)).name == "zoho-crm")
        #expect(throws: CRMIntegrationError.self) { try IntegrationCatalog.integration(named: "salesforce", client: client) }
    }
}
