import CRMMock
import StrictJSON
import Testing

/// Logging SMS and calls in each CRM, and reading them back from `GET /<crm>/_mock/activities`.
@Suite struct ActivityTests {
    /// An SMS and a call on person 5, as each integration posts them, and the kinds they are kept as.
    static func requests(_ crm: CRM) -> [(path: String, body: JSONValue, kind: String)] {
        let id = crm.personId(number: 5)
        switch crm {
        case .pipedrive:
            return [
                ("/pipedrive/v1/activities", ["type": "sms", "subject": "SMS: outbound", "note": "Hello", "person_id": 5, "done": true], "sms"),
                ("/pipedrive/v1/activities", ["type": "call", "subject": "Call: inbound", "note": "Asked for a quote", "duration": 150, "person_id": 5, "done": true], "call"),
            ]
        case .attio:
            return [
                ("/attio/v2/notes", ["data": ["parent_object": "people", "parent_record_id": .string(id), "title": "SMS: outbound", "format": "plaintext", "content": "Hello"]], "note"),
                ("/attio/v2/notes", ["data": ["parent_object": "people", "parent_record_id": .string(id), "title": "Call: inbound (150s)", "format": "plaintext", "content": "Asked for a quote"]], "note"),
            ]
        case .axiscare:
            return [
                ("/axiscare/api/communications", ["contact_id": 5, "type": "sms", "direction": "outbound", "content": "Hello", "date": "2025-06-02T10:00:00Z"], "sms"),
                ("/axiscare/api/communications", ["contact_id": 5, "type": "phone", "direction": "inbound", "duration_seconds": 150, "notes": "Asked for a quote", "date": "2025-06-02T10:05:00Z"], "phone"),
            ]
        case .zoho:
            return [
                ("/zoho-crm/crm/v2/Contacts/\(id)/Notes", ["data": [["Note_Title": "SMS: outbound", "Note_Content": "Hello"]]], "note"),
                ("/zoho-crm/crm/v2/Calls", ["data": [["Subject": "Call: inbound", "Call_Type": "Inbound", "Call_Start_Time": "2025-06-02T10:05:00+00:00", "Call_Duration": "02:30", "Description": "Asked for a quote", "Who_Id": ["id": .string(id)]]]], "call"),
            ]
        case .scalingTest:
            return [
                ("/scaling-test/activities", ["type": "sms", "contactId": .string(id), "direction": "outbound", "body": "Hello", "timestamp": "2025-06-02T10:00:00Z"], "sms"),
                ("/scaling-test/activities", ["type": "call", "contactId": .string(id), "direction": "inbound", "duration": 150, "summary": "Asked for a quote", "timestamp": "2025-06-02T10:05:00Z"], "call"),
            ]
        }
    }

    @Test("an SMS and a call are stored as sent and read back in order", arguments: CRM.allCases)
    func activitiesAreStoredAndReadBack(crm: CRM) async throws {
        try await MockHarness.run([crm: ["records=10"]]) { harness in
            let requests = Self.requests(crm)
            for request in requests {
                let reply = try await harness.post(request.path, request.body)
                #expect([200, 201].contains(reply.status), "\(request.path): \(String(describing: reply.json))")
            }
            let stored = try await harness.get("/\(crm.rawValue)/_mock/activities")
            #expect(stored.status == 200)
            let activities = try #require(try stored.body["activities"]?.array)
            #expect(activities.compactMap { $0["kind"]?.string } == requests.map(\.kind))
            #expect(activities.allSatisfy { $0["personId"]?.string == crm.personId(number: 5) })
            #expect(activities.compactMap { $0["id"]?.integer } == [1, 2])
            // What was posted is kept as posted: the body of each CRM's second request.
            let posted = try #require(requests.last?.body)
            let kept = try #require(activities.last?["body"])
            switch crm {
            case .attio: #expect(kept == posted["data"])
            case .zoho: #expect(kept == posted["data"]?[0])
            default: #expect(kept == posted)
            }
            #expect(await harness.server.activities(for: crm).count == 2)
            // Reading them back is not a request to the CRM.
            #expect(await harness.server.counters(for: crm).requests == 2)
        }
    }

    @Test("an activity on a person the CRM does not have is refused and not stored", arguments: CRM.allCases)
    func activityOnUnknownPersonIsRefused(crm: CRM) async throws {
        try await MockHarness.run([crm: ["records=4"]]) { harness in
            guard let request = Self.requests(crm).first else { return }
            // Person 5 is beyond the 4 records.
            let reply = try await harness.post(request.path, request.body)
            #expect([400, 404].contains(reply.status))
            #expect(await harness.server.activities(for: crm).isEmpty)
        }
    }

    @Test("a Zoho CRM call on a lead names it with What_Id and $se_module")
    func zohoCallOnLead() async throws {
        try await MockHarness.run([.zoho: ["records=10"]]) { harness in
            let lead = CRM.zoho.personId(number: 2, kind: .lead)
            let call: JSONValue = ["data": [["Subject": "Call", "Call_Type": "Outbound", "$se_module": "Leads", "What_Id": ["id": .string(lead)]]]]
            let reply = try await harness.post("/zoho-crm/crm/v2/Calls", call)
            #expect(reply.status == 201)
            #expect(try reply.body["data"]?[0]?["code"]?.string == "SUCCESS")
            #expect(await harness.server.activities(for: .zoho).map(\.personId) == [lead])
            // A lead is not a contact.
            let asContact: JSONValue = ["data": [["Subject": "Call", "Call_Type": "Outbound", "Who_Id": ["id": .string(lead)]]]]
            #expect(try await harness.post("/zoho-crm/crm/v2/Calls", asContact).status == 404)
        }
    }
}
