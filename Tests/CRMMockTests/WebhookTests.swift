import CRMMock
import StrictJSON
import Testing

/// Registering webhooks with each CRM, and `fireWebhook` delivering its payload to a local receiver.
@Suite struct WebhookTests {
    static let webhookCRMs: [CRM] = [.pipedrive, .attio, .zoho, .scalingTest]

    /// Each CRM's registration for person updates, sent to `url`.
    static func registration(_ crm: CRM, url: String) -> (path: String, body: JSONValue)? {
        switch crm {
        case .pipedrive:
            ("/pipedrive/v1/webhooks", ["subscription_url": .string(url), "event_action": "updated", "event_object": "person"])
        case .attio:
            ("/attio/v2/webhooks", ["data": ["target_url": .string(url), "subscriptions": [["event_type": "record.updated", "filter": .null]]]])
        case .zoho:
            ("/zoho-crm/crm/v2/actions/watch", ["watch": [["channel_id": 1_000_000_068_001, "events": ["Contacts.all"], "notify_url": .string(url), "token": "secret-token"]]])
        case .scalingTest:
            ("/scaling-test/webhooks", ["url": .string(url), "events": ["person.updated"], "active": true])
        case .axiscare:
            nil
        }
    }

    /// The person id a payload is about, read where each CRM puts it.
    static func personId(in payload: JSONValue, _ crm: CRM) -> String? {
        switch crm {
        case .pipedrive: payload["meta"]?["id"]?.integer.map(String.init)
        case .attio: payload["events"]?[0]?["id"]?["record_id"]?.string
        case .zoho: payload["ids"]?[0]?.string
        case .scalingTest: payload["data"]?["id"]?.string
        case .axiscare: nil
        }
    }

    @Test("a registered webhook receives the CRM's payload when a person is modified", arguments: webhookCRMs)
    func firingDeliversThePayload(crm: CRM) async throws {
        try await MockHarness.run([crm: ["records=20"]]) { harness in
            try await WebhookReceiver.run { receiverURL, deliveries in
                let url = "\(receiverURL)/hooks/\(crm.rawValue)?account=7"
                let registration = try #require(Self.registration(crm, url: url))
                let registered = try await harness.post(registration.path, registration.body)
                #expect([200, 201].contains(registered.status), "\(String(describing: registered.json))")
                #expect(await harness.server.webhooks(for: crm).map(\.url) == [url])
                let listed = try await harness.get("/\(crm.rawValue)/_mock/webhooks")
                #expect(try listed.body["webhooks"]?[0]?["url"]?.string == url)

                let person = crm.personId(number: 12)
                let sent = try await harness.server.fireWebhook(crm: crm, personId: person)
                #expect(sent.map(\.outcome) == [.answered(status: 200)])
                var received = deliveries.makeAsyncIterator()
                let delivery = try #require(await received.next())
                #expect(delivery.path == "/hooks/\(crm.rawValue)")
                #expect(Self.personId(in: delivery.body, crm) == person)
                switch crm {
                case .pipedrive:
                    #expect(delivery.body["event"]?.string == "updated.person")
                    #expect(delivery.body["current"]?["email"]?[0]?["value"]?.string?.contains(".r1@") == true)
                    #expect(delivery.body["previous"]?["email"]?[0]?["value"]?.string?.contains(".r1@") == false)
                case .attio:
                    #expect(delivery.body["events"]?[0]?["event_type"]?.string == "record.updated")
                case .zoho:
                    #expect(delivery.body["module"]?.string == "Contacts")
                    #expect(delivery.body["operation"]?.string == "update")
                    #expect(delivery.body["token"]?.string == "secret-token")
                    #expect(delivery.body["channel_id"]?.string == "1000000068001")
                default:
                    #expect(delivery.body["event"]?.string == "person.updated")
                }

                // The person is now the newest, with the changed field.
                let client = CRMClient(harness: harness, list: PersonList(crm: crm, kind: .contact))
                let newest = try #require(try await client.page(0, size: 1).persons.first)
                #expect(client.id(of: newest) == person)
                #expect(client.email(of: newest)?.contains(".r1@") == true)
            }
        }
    }

    @Test("AxisCare has no webhooks: firing only modifies the person, which polling with modified_since finds")
    func axisCareFiringOnlyModifies() async throws {
        try await MockHarness.run([.axiscare: ["records=20"]]) { harness in
            let before = Timestamp.now()
            let sent = try await harness.server.fireWebhook(crm: .axiscare, personId: "9")
            #expect(sent.isEmpty)
            let client = CRMClient(harness: harness, list: PersonList(crm: .axiscare, kind: .contact))
            let polled = try await client.walk(size: 10, since: before)
            #expect(polled.ids == ["9"])
            #expect(try await harness.post("/axiscare/api/webhooks", ["url": "http://127.0.0.1:1/"]).status == 404)
        }
    }

    @Test("persons modified by firings come first, the latest first, and modifiedSince finds exactly them")
    func firingsReorderThePersons() async throws {
        try await MockHarness.run([.scalingTest: ["records=30"]]) { harness in
            for number in [25, 7] { _ = try await harness.server.fireWebhook(crm: .scalingTest, personId: "mock_\(number)") }
            let client = CRMClient(harness: harness, list: PersonList(crm: .scalingTest, kind: .contact))
            let all = try await client.walk(size: 8)
            #expect(all.ids.prefix(3) == ["mock_7", "mock_25", "mock_1"])
            #expect(all.ids.count == 30)
            // After every generated person: 2025-06-01T12:00:00.001Z.
            let touched = try await client.walk(size: 8, since: Timestamp(millisecondsSinceEpoch: 1_748_779_200_001))
            #expect(touched.ids == ["mock_7", "mock_25"])
            // A second firing is revision 2.
            _ = try await harness.server.fireWebhook(crm: .scalingTest, personId: "mock_25")
            let again = try #require(try await client.bulk(["mock_25"]).first)
            #expect(client.email(of: again)?.contains(".r2@") == true)
        }
    }

    @Test("a subscription to other events is not sent anything")
    func unrelatedSubscriptionIsNotNotified() async throws {
        try await MockHarness.run([.zoho: ["records=5"]]) { harness in
            try await WebhookReceiver.run { receiverURL, _ in
                let watch: JSONValue = ["watch": [["channel_id": "leads-only", "events": ["Leads.all"], "notify_url": .string(receiverURL)]]]
                #expect(try await harness.post("/zoho-crm/crm/v2/actions/watch", watch).status == 200)
                #expect(try await harness.server.fireWebhook(crm: .zoho, personId: CRM.zoho.personId(number: 1)).isEmpty)
                let lead = try await harness.server.fireWebhook(crm: .zoho, personId: CRM.zoho.personId(number: 1, kind: .lead))
                #expect(lead.map(\.subscriptionId) == ["leads-only"])
            }
        }
    }

    @Test("firing for a person the CRM does not have throws unknownPerson")
    func unknownPerson() async throws {
        try await MockHarness.run([.pipedrive: ["records=5"]]) { harness in
            await #expect(throws: CRMMockError(.unknownPerson, "pipedrive has no person 6")) {
                try await harness.server.fireWebhook(crm: .pipedrive, personId: "6")
            }
        }
    }

    @Test("POST /{crm}/_mock/webhooks/fire fires as fireWebhook does and answers the deliveries", arguments: webhookCRMs)
    func fireRoute(crm: CRM) async throws {
        try await MockHarness.run([crm: ["records=20"]]) { harness in
            try await WebhookReceiver.run { receiverURL, deliveries in
                let url = "\(receiverURL)/hooks/\(crm.rawValue)"
                let registration = try #require(Self.registration(crm, url: url))
                #expect([200, 201].contains(try await harness.post(registration.path, registration.body).status))
                let person = crm.personId(number: 3)
                let before = await harness.server.counters(for: crm)

                let fired = try await harness.post("/\(crm.rawValue)/_mock/webhooks/fire", ["personId": .string(person)])
                #expect(fired.status == 200)
                let answered = try #require(try fired.body["deliveries"]?.array)
                #expect(answered.count == 1)
                #expect(answered.first?["url"]?.string == url)
                #expect(answered.first?["status"]?.integer == 200)
                #expect(answered.first?["subscriptionId"]?.string == (await harness.server.webhooks(for: crm)).first?.id)
                var received = deliveries.makeAsyncIterator()
                let delivery = try #require(await received.next())
                #expect(Self.personId(in: delivery.body, crm) == person)
                // Mock-only: outside the traffic gates, not counted.
                #expect(await harness.server.counters(for: crm) == before)
            }
        }
    }

    @Test("the fire route: AxisCare answers no deliveries; an unknown person is 404 in the CRM's error shape; no personId is 400")
    func fireRouteRefusals() async throws {
        try await MockHarness.run([.axiscare: ["records=5"], .pipedrive: ["records=5"]]) { harness in
            let axisCare = try await harness.post("/axiscare/_mock/webhooks/fire", ["personId": "2"])
            #expect(axisCare.status == 200)
            #expect(try axisCare.body["deliveries"]?.array == [])

            let unknown = try await harness.post("/pipedrive/_mock/webhooks/fire", ["personId": "6"])
            #expect(unknown.status == 404)
            #expect(try unknown.body["success"]?.bool == false)
            #expect(try unknown.body["error"]?.string == "pipedrive has no person 6")

            let missing = try await harness.post("/pipedrive/_mock/webhooks/fire", ["person": "2"])
            #expect(missing.status == 400)
            #expect(try missing.body["error"]?.string == "personId is required")
        }
    }

    @Test("a webhook URL that cannot be delivered to is refused at registration")
    func invalidURLIsRefused() async throws {
        try await MockHarness.run { harness in
            let reply = try await harness.post("/scaling-test/webhooks", ["url": "https://example.com/hook"])
            #expect(reply.status == 400)
            #expect(try reply.body["error"]?.string?.contains("http://") == true)
        }
    }
}
