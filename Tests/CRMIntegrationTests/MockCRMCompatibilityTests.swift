import CRMMock
import CRMSync
import Foundation
import StrictJSON
import Testing

/// The integrations (`CRMSync`) against the offline CRMs (`CRMMock`), over real HTTP: every
/// integration and person object type pages, filters, reads by ids, logs activity, registers
/// webhooks and transforms as its mock CRM serves them, and Quo takes the contacts.
@Suite("The five integrations work against the mock CRMs")
struct MockCRMCompatibilityTests {
    static let names = IntegrationCatalog.integrationTypes.map { $0.name }
    static let records = MockCRMFixture.records

    @Test("pages from 0 in the CRM's own numbering, newest first: totals, hasMore, the last and an empty page", arguments: names)
    func pagination(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in try await Self.pagination(try fixture.integration(named: name)) }
    }

    static func pagination<Integration: CRMIntegration>(_ integration: Integration) async throws {
        let limit = 8
        for objectType in Integration.personObjectTypes {
            func page(_ index: Int, descending: Bool = true) async throws -> PersonPage<Integration.Person> {
                try await integration.fetchPersonPage(PageRequest(objectType: objectType, page: index, limit: limit, sortDesc: descending))
            }
            func ids(_ numbers: some Sequence<Int>) throws -> [String] {
                try numbers.map { try Integration.mockPersonId($0, objectType) }
            }
            let context = "\(Integration.name) \(objectType)"
            // 30 persons in pages of 8: three full pages and one of 6.
            for index in 0..<4 {
                let fetched = try await page(index)
                let expected = try ids((index * limit + 1)...min((index + 1) * limit, records))
                #expect(fetched.persons.map(\.crmId) == expected, "\(context) page \(index)")
                #expect(fetched.hasMore == (index < 3), "\(context) page \(index)")
                if index == 0 { #expect(fetched.total == records, "\(context)") }
            }
            // Past the end: Pipedrive's `"data": null`, Zoho's 204 No Content, the others' empty list.
            let beyond = try await page(4)
            #expect(beyond.persons.isEmpty && !beyond.hasMore, "\(context) page 4")
            let oldest = try await page(0, descending: false)
            let oldestIds = try ids(stride(from: records, to: records - limit, by: -1))
            #expect(oldest.persons.map(\.crmId) == oldestIds, "\(context) ascending")
        }
    }

    @Test("an ongoing fetch with modifiedSince returns just the person modified since", arguments: names)
    func modifiedSince(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in try await Self.modifiedSince(try fixture.integration(named: name), fixture) }
    }

    static func modifiedSince<Integration: CRMIntegration>(_ integration: Integration, _ fixture: MockCRMFixture) async throws {
        // A second after the newest generated modification (2025-06-01T12:00:00Z), before any firing.
        let since = Date(timeIntervalSince1970: 1_748_779_201)
        for objectType in Integration.personObjectTypes {
            let request = PageRequest(objectType: objectType, page: 0, limit: 10, modifiedSince: since, sortDesc: true)
            let context = "\(Integration.name) \(objectType)"
            let none = try await integration.fetchPersonPage(request)
            #expect(none.persons.isEmpty && none.total == 0 && !none.hasMore, "\(context) before")
            let modified = try Integration.mockPersonId(12, objectType)
            _ = try await fixture.server.fireWebhook(crm: try Integration.mockCRM, personId: modified)
            let one = try await integration.fetchPersonPage(request)
            #expect(one.persons.map(\.crmId) == [modified] && one.total == 1 && !one.hasMore, "\(context) after")
        }
    }

    @Test("fetchPersonsByIds returns the persons that exist, in the order asked", arguments: names)
    func personsByIds(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in try await Self.personsByIds(try fixture.integration(named: name)) }
    }

    static func personsByIds<Integration: CRMIntegration>(_ integration: Integration) async throws {
        for objectType in Integration.personObjectTypes {
            let unknown = try Integration.mockPersonId(999, objectType)
            let asked = [try Integration.mockPersonId(5, objectType), try Integration.mockPersonId(2, objectType), unknown]
            guard Integration.fetchesPersonsByIds else {
                await #expect(throws: CRMIntegrationError.self) { try await integration.fetchPersonsByIds(asked, objectType: objectType) }
                continue
            }
            let found = try await integration.fetchPersonsByIds(asked, objectType: objectType)
            #expect(found.map(\.crmId) == Array(asked.prefix(2)), "\(Integration.name) \(objectType)")
            // Zoho answers 204 No Content when none exists.
            #expect(try await integration.fetchPersonsByIds([unknown], objectType: objectType).isEmpty, "\(Integration.name) \(objectType)")
        }
    }

    @Test("an SMS and a call reach the CRM's activity store, logged on the contact", arguments: names)
    func activities(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in try await Self.activities(try fixture.integration(named: name), fixture) }
    }

    static func activities<Integration: CRMIntegration>(_ integration: Integration, _ fixture: MockCRMFixture) async throws {
        let crm = try Integration.mockCRM
        let contact = try Integration.mockPersonId(4, "Contact")
        let at = Date(timeIntervalSince1970: 1_759_492_800)
        try await integration.logSMSToActivity(SMSActivity(direction: .inbound, content: "Running late", timestamp: at, contactExternalId: contact))
        try await integration.logCallToActivity(
            CallActivity(direction: .outbound, duration: 125, summary: "Booked a visit", timestamp: at, contactExternalId: contact))
        let stored = await fixture.server.activities(for: crm)
        let kinds: [CRM: [String]] = [
            .pipedrive: ["sms", "call"], .attio: ["note", "note"], .axiscare: ["sms", "phone"], .zoho: ["note", "call"],
            .scalingTest: ["sms", "call"],
        ]
        #expect(stored.map(\.kind) == kinds[crm])
        #expect(stored.map(\.personId) == [contact, contact])
        #expect(stored.first.map { Self.json($0.body, contains: "Running late") } == true)
        #expect(stored.last.map { Self.json($0.body, contains: "Booked a visit") } == true)
    }

    /// Whether `text` is one of the strings anywhere in `value`.
    static func json(_ value: JSONValue, contains text: String) -> Bool {
        switch value {
        case .string(let string): string == text
        case .array(let elements): elements.contains { json($0, contains: text) }
        case .object(let fields): fields.values.contains { json($0, contains: text) }
        default: false
        }
    }

    @Test("setupWebhooks registers the worker's URL for person updates, which the CRM then notifies", arguments: names)
    func webhooks(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in try await Self.webhooks(try fixture.integration(named: name), fixture) }
    }

    static func webhooks<Integration: CRMIntegration>(_ integration: Integration, _ fixture: MockCRMFixture) async throws {
        let crm = try Integration.mockCRM
        // The mock itself stands in for the worker's API: it answers the notifications 404, which is enough to count them.
        try await integration.setupWebhooks(apiURL: fixture.url)
        let events: [CRM: [String]] = [
            .pipedrive: ["updated.person"], .attio: ["record.updated"], .zoho: ["Contacts.all", "Leads.all"], .scalingTest: ["person.updated"],
        ]
        let registered = await fixture.server.webhooks(for: crm)
        if let expected = events[crm] {
            #expect(registered.map(\.url) == [Integration.webhookURL(apiURL: fixture.url)])
            #expect(registered.map(\.events) == [expected])
        } else {
            #expect(registered.isEmpty, "\(crm) has no webhooks")
        }
        for objectType in Integration.personObjectTypes {
            let deliveries = try await fixture.server.fireWebhook(crm: crm, personId: try Integration.mockPersonId(6, objectType))
            #expect(deliveries.count == registered.count, "\(Integration.name) \(objectType)")
        }
    }

    @Test("every person transforms but the poison ones, and Quo keeps one contact per person with the transformed fields",
          arguments: names)
    func transformAndUpsert(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in try await Self.transformAndUpsert(try fixture.integration(named: name), fixture) }
    }

    static func transformAndUpsert<Integration: CRMIntegration>(_ integration: Integration, _ fixture: MockCRMFixture) async throws {
        for objectType in Integration.personObjectTypes {
            let context = "\(Integration.name) \(objectType)"
            let page = try await integration.fetchPersonPage(PageRequest(objectType: objectType, page: 0, limit: records, sortDesc: true))
            #expect(page.persons.count == records, "\(context)")
            let (contacts, failures) = await integration.transformPersons(page.persons)
            let poisonIds = try MockCRMFixture.poison.map { try Integration.mockPersonId($0, objectType) }
            #expect(Set(failures.map(\.personId)) == Set(poisonIds) && failures.allSatisfy { $0.code == .invalidPhoneNumber }, "\(context): \(failures)")
            #expect(contacts.count == records - poisonIds.count, "\(context)")
            #expect(Set(contacts.map(\.externalId)).count == contacts.count, "\(context): distinct external ids")
            let source = try #require(contacts.first?.source)

            try await Self.upsert(contacts, fixture)
            let stored = try await fixture.server.quo.contacts(source: source)
            #expect(stored.total == contacts.count, "\(context)")
            let storedById = Dictionary(stored.contacts.map { ($0.externalId, $0) }, uniquingKeysWith: { first, _ in first })
            for contact in contacts {
                let kept = try #require(storedById[contact.externalId], "\(context) \(contact.externalId)")
                #expect(kept.defaultFields == Self.quoFields(contact.defaultFields), "\(context) \(contact.externalId)")
                let customFields = try contact.customFields.map(Self.jsonValue)
                #expect(kept.customFields == customFields, "\(context) \(contact.externalId)")
            }

            // Upserting again updates the same contacts.
            let before = try await fixture.server.quo.summary()
            try await Self.upsert(contacts, fixture)
            let after = try await fixture.server.quo.summary()
            #expect(after.contacts == before.contacts && after.updates == before.updates + contacts.count, "\(context)")
        }
    }

    /// `POST /quo/contacts/bulk` with the contacts as CRMSync encodes them (CRMSync has no Quo client).
    static func upsert(_ contacts: [CRMSync.QuoContact], _ fixture: MockCRMFixture) async throws {
        try await fixture.quoClient.perform(.json(.post, "/contacts/bulk", body: ["contacts": contacts]))
    }

    /// The default fields as the mock Quo keeps them.
    static func quoFields(_ fields: CRMSync.QuoContact.DefaultFields) -> QuoDefaultFields {
        QuoDefaultFields(
            firstName: fields.firstName, lastName: fields.lastName, company: fields.company,
            emails: fields.emails.map { QuoLabeledValue(name: $0.name, value: $0.value) },
            phoneNumbers: fields.phoneNumbers.map { QuoLabeledValue(name: $0.name, value: $0.value) })
    }

    static func jsonValue(_ value: some Encodable) throws -> JSONValue {
        try JSONParser.parse(Array(JSONEncoder().encode(value)))
    }
}
