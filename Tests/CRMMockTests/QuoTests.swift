import CRMMock
import StrictJSON
import Testing

/// The mock Quo: upserts by (source, externalId) into SQLite, listed to check a sync.
@Suite struct QuoTests {
    static func contact(_ externalId: String, firstName: String = "Ada", phone: String = "+15550000001") -> JSONValue {
        [
            "externalId": .string(externalId), "source": "pipedrive-person",
            "defaultFields": [
                "firstName": .string(firstName), "lastName": "Lovelace", "company": "Analytical Engines",
                "phoneNumbers": [["name": "work", "value": .string(phone)]], "emails": [["name": "work", "value": "ada@example.com"]],
            ],
            "customFields": ["crmId": .string(externalId), "crmType": "pipedrive", "lastModified": "2025-06-01 12:00:00"],
        ]
    }

    @Test("an upsert creates once, then updates the same contact; the listing shows the fields as sent")
    func upsertIsIdempotentByExternalId() async throws {
        try await MockHarness.run { harness in
            let created = try await harness.post("/quo/contacts", Self.contact("12"))
            #expect(created.status == 201)
            let id = try #require(try created.body["data"]?["id"]?.string)
            let updated = try await harness.post("/quo/contacts", Self.contact("12", firstName: "Augusta"))
            #expect(updated.status == 200)
            #expect(try updated.body["data"]?["id"]?.string == id)
            // The same externalId from another source is another contact.
            var other = Self.contact("12")
            if case .object(var fields) = other {
                fields["source"] = "attio-person"
                other = .object(fields)
            }
            #expect(try await harness.post("/quo/contacts", other).status == 201)

            let listed = try await harness.get("/quo/contacts?source=pipedrive-person")
            #expect(try listed.body["totalItems"]?.integer == 1)
            let contact = try #require(try listed.body["data"]?[0])
            #expect(contact["externalId"]?.string == "12")
            #expect(contact["defaultFields"]?["firstName"]?.string == "Augusta")
            #expect(contact["defaultFields"]?["phoneNumbers"]?[0]?["value"]?.string == "+15550000001")
            #expect(contact["customFields"]?["crmType"]?.string == "pipedrive")

            let stats = try await harness.get("/quo/stats")
            #expect(try stats.body == ["contacts": 2, "upserts": 3, "updates": 1])
            let contacts = try await harness.server.quo.contacts(source: "pipedrive-person")
            #expect(contacts.contacts.map(\.defaultFields.firstName) == ["Augusta"])
        }
    }

    @Test("concurrent upserts of the same contacts never duplicate them")
    func concurrentUpsertsDoNotDuplicate() async throws {
        try await MockHarness.run { harness in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<40 {
                    group.addTask { try await harness.post("/quo/contacts", Self.contact("person-\(attempt % 5)")).status }
                }
                let statuses = try await group.reduce(into: [Int]()) { $0.append($1) }
                #expect(statuses.count(where: { $0 == 201 }) == 5)
                #expect(statuses.count(where: { $0 == 200 }) == 35)
            }
            let summary = try await harness.server.quo.summary()
            #expect(summary == QuoSummary(contacts: 5, upserts: 40, updates: 35))
            let all = try await harness.server.quo.contacts()
            #expect(Set(all.contacts.map(\.externalId)) == Set((0..<5).map { "person-\($0)" }))
        }
    }

    @Test("a bulk upsert takes the valid contacts in one go and rejects the invalid ones, each with its reason")
    func bulkUpsert() async throws {
        try await MockHarness.run { harness in
            _ = try await harness.post("/quo/contacts", Self.contact("2"))
            let batch: JSONValue = ["contacts": [Self.contact("1"), Self.contact("2"), Self.contact("3", phone: MockPerson.poisonPhone), Self.contact("4")]]
            let reply = try await harness.post("/quo/contacts/bulk", batch)
            #expect(reply.status == 200)
            let body = try reply.body
            #expect(body["created"] == 2 && body["updated"] == 1 && body["rejected"] == 1)
            #expect(body["data"]?.array?.compactMap { $0["status"]?.string } == ["created", "updated", "rejected", "created"])
            #expect(body["data"]?[2]?["error"]?.string?.contains("not-a-phone") == true)
            #expect(try await harness.server.quo.summary() == QuoSummary(contacts: 3, upserts: 4, updates: 1))
        }
    }

    @Test("a contact whose phone is not E.164 (a poison record that got through) is refused")
    func invalidPhoneIsRefused() async throws {
        try await MockHarness.run { harness in
            let reply = try await harness.post("/quo/contacts", Self.contact("9", phone: MockPerson.poisonPhone))
            #expect(reply.status == 400)
            #expect(try reply.body["message"]?.string?.contains("E.164") == true)
            #expect(try await harness.post("/quo/contacts", ["externalId": "9"]).status == 400)
            #expect(try await harness.server.quo.summary().contacts == 0)
        }
    }

    @Test("the listing pages with maxResults and nextPageToken, and filters by externalId")
    func listingPages() async throws {
        try await MockHarness.run { harness in
            for number in 1...7 { _ = try await harness.post("/quo/contacts", Self.contact(String(number))) }
            var seen: [String] = []
            var token: String?
            repeat {
                let page = try await harness.get("/quo/contacts?maxResults=3" + (token.map { "&pageToken=\($0)" } ?? ""))
                #expect(try page.body["totalItems"]?.integer == 7)
                seen += try page.body["data"]?.array?.compactMap { $0["externalId"]?.string } ?? []
                token = try page.body["nextPageToken"]?.string
            } while token != nil && seen.count < 10
            #expect(seen == (1...7).map(String.init))
            let one = try await harness.get("/quo/contacts?externalId=4")
            #expect(try one.body["totalItems"]?.integer == 1)
        }
    }
}
