import CRMSync
import Foundation
import Testing

/// Each integration's person, decoded from the JSON its CRM sends, becomes exactly the Quo contact
/// of the seed's `transformPersonToQuo` examples.
@Suite("Transforms from CRM persons to Quo contacts")
struct TransformTests {
    static let client = ScriptedCRMClient(json: "{}")

    static func decode<Person: Decodable>(_ json: String, as type: Person.Type = Person.self) throws -> Person {
        try JSONDecoder().decode(Person.self, from: Data(json.utf8))
    }

    /// The contact, through the protocol as a worker calls it.
    static func quo<Integration: CRMIntegration>(_ integration: Integration, _ person: Integration.Person) async throws -> QuoContact {
        try await integration.transformPersonToQuo(person)
    }

    static func encoded(_ contact: QuoContact) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(contact), as: UTF8.self)
    }

    @Test("Pipedrive: labelled phones and emails without the empty ones, the organization as company, custom fields")
    func pipedrive() async throws {
        let person: PipedrivePerson = try Self.decode("""
            {"id": 123, "first_name": "Ada", "last_name": "Lovelace", "org_id": {"name": "Analytical Engines", "value": 5},
             "phone": [{"label": "work", "value": "+1 555 0100", "primary": true}, {"label": "home", "value": ""}],
             "email": [{"label": "work", "value": "ada@example.com", "primary": true}],
             "update_time": "2025-10-03 12:00:00"}
            """)
        let contact = try await Self.quo(PipedriveIntegration(client: Self.client), person)
        #expect(contact == QuoContact(
            externalId: "123", source: "pipedrive-person",
            defaultFields: .init(
                firstName: "Ada", lastName: "Lovelace", company: "Analytical Engines",
                phoneNumbers: [.init(name: "work", value: "+1 555 0100")], emails: [.init(name: "work", value: "ada@example.com")]),
            customFields: .init(crmId: "123", crmType: "pipedrive", lastModified: "2025-10-03 12:00:00")))
        #expect(try Self.encoded(contact) == #"{"customFields":{"crmId":"123","crmType":"pipedrive","lastModified":"2025-10-03 12:00:00"},"defaultFields":{"company":"Analytical Engines","emails":[{"name":"work","value":"ada@example.com"}],"firstName":"Ada","lastName":"Lovelace","phoneNumbers":[{"name":"work","value":"+1 555 0100"}]},"externalId":"123","source":"pipedrive-person"}"#)
    }

    @Test("Pipedrive: a person without organization, phones or emails")
    func pipedriveBare() async throws {
        let person: PipedrivePerson = try Self.decode(#"{"id": 9, "first_name": "Bo", "last_name": null, "org_id": null}"#)
        let contact = try await Self.quo(PipedriveIntegration(client: Self.client), person)
        #expect(contact.defaultFields == .init(firstName: "Bo", lastName: nil, company: nil, phoneNumbers: [], emails: []))
    }

    @Test("Attio: the first name entry, unlabelled emails and phones, no custom fields")
    func attio() async throws {
        let person: AttioPerson = try Self.decode("""
            {"id": {"workspace_id": "ws-1", "object_id": "people", "record_id": "rec-1"},
             "values": {"name": [{"first_name": "Grace", "last_name": "Hopper", "full_name": "Grace Hopper"}],
                        "email_addresses": [{"email_address": "grace@example.com"}, {"email_address": "gh@navy.example"}],
                        "phone_numbers": [{"phone_number": "+15550101"}]}}
            """)
        let contact = try await Self.quo(AttioIntegration(client: Self.client), person)
        #expect(contact == QuoContact(
            externalId: "rec-1", source: "attio-person",
            defaultFields: .init(
                firstName: "Grace", lastName: "Hopper", phoneNumbers: [.init(value: "+15550101")],
                emails: [.init(value: "grace@example.com"), .init(value: "gh@navy.example")])))
        #expect(try Self.encoded(contact) == #"{"defaultFields":{"emails":[{"value":"grace@example.com"},{"value":"gh@navy.example"}],"firstName":"Grace","lastName":"Hopper","phoneNumbers":[{"value":"+15550101"}]},"externalId":"rec-1","source":"attio-person"}"#)
    }

    @Test("Attio: a person with no name and no values")
    func attioEmpty() async throws {
        let person: AttioPerson = try Self.decode(#"{"id": {"record_id": "rec-2"}, "values": {}}"#)
        let contact = try await Self.quo(AttioIntegration(client: Self.client), person)
        #expect(contact.defaultFields == .init(firstName: nil, lastName: nil, phoneNumbers: [], emails: []))
    }

    @Test("AxisCare: one email and one phone, an empty one left out")
    func axisCare() async throws {
        let person: AxisCareContact = try Self.decode("""
            {"contact_id": 9, "first_name": "Mary", "last_name": "Seacole", "email": "", "phone": "555-0102",
             "modified_date": "2025-10-03T12:00:00Z"}
            """)
        let contact = try await Self.quo(AxisCareIntegration(client: Self.client), person)
        #expect(contact == QuoContact(
            externalId: "9", source: "axiscare-contact",
            defaultFields: .init(firstName: "Mary", lastName: "Seacole", phoneNumbers: [.init(value: "555-0102")], emails: [])))
    }

    @Test("Zoho CRM: a contact's company is its account; Phone is work, Mobile is mobile")
    func zohoContact() async throws {
        let record: ZohoContact = try Self.decode("""
            {"id": "4150868000000224005", "First_Name": "Alan", "Last_Name": "Turing", "Email": "alan@example.com",
             "Phone": "+44 20 7946 0000", "Mobile": "+44 7700 900000", "Account_Name": {"name": "Bletchley", "id": "41508"},
             "Modified_Time": "2025-10-03T13:00:00+01:00"}
            """)
        let contact = try await Self.quo(ZohoCRMIntegration(client: Self.client), .contact(record))
        #expect(contact == QuoContact(
            externalId: "4150868000000224005", source: "zoho-crm-contact",
            defaultFields: .init(
                firstName: "Alan", lastName: "Turing", company: "Bletchley",
                phoneNumbers: [.init(name: "work", value: "+44 20 7946 0000"), .init(name: "mobile", value: "+44 7700 900000")],
                emails: [.init(value: "alan@example.com")]),
            customFields: .init(crmId: "4150868000000224005", crmType: "zoho-crm", lastModified: "2025-10-03T13:00:00+01:00")))
    }

    @Test("Zoho CRM: a lead's company is its Company field")
    func zohoLead() async throws {
        let record: ZohoLead = try Self.decode("""
            {"id": "4150868000000225001", "First_Name": "Katherine", "Last_Name": "Johnson", "Company": "NASA",
             "Mobile": "+1 757 555 0199", "Modified_Time": "2025-10-03T12:00:00+00:00"}
            """)
        let contact = try await Self.quo(ZohoCRMIntegration(client: Self.client), .lead(record))
        #expect(contact == QuoContact(
            externalId: "4150868000000225001", source: "zoho-crm-lead",
            defaultFields: .init(
                firstName: "Katherine", lastName: "Johnson", company: "NASA",
                phoneNumbers: [.init(name: "mobile", value: "+1 757 555 0199")], emails: []),
            customFields: .init(crmId: "4150868000000225001", crmType: "zoho-crm", lastModified: "2025-10-03T12:00:00+00:00")))
    }

    @Test("ScalingTest: the seed's generated person 42")
    func scalingTest() async throws {
        let person: ScalingTestPerson = try Self.decode("""
            {"id": "mock_42", "first_name": "Test42", "last_name": "Person42", "email": "test42@example.com",
             "phone": "555-0042", "created_at": "2025-10-03T11:59:18.000Z", "updated_at": "2025-10-03T11:59:39.000Z"}
            """)
        let contact = try await Self.quo(ScalingTestIntegration(client: Self.client), person)
        #expect(contact == QuoContact(
            externalId: "mock_42", source: "scaling-test-person",
            defaultFields: .init(
                firstName: "Test42", lastName: "Person42", phoneNumbers: [.init(value: "555-0042")],
                emails: [.init(value: "test42@example.com")])))
        #expect(try Self.encoded(contact) == #"{"defaultFields":{"emails":[{"value":"test42@example.com"}],"firstName":"Test42","lastName":"Person42","phoneNumbers":[{"value":"555-0042"}]},"externalId":"mock_42","source":"scaling-test-person"}"#)
    }

    static let poison = ContactFieldRules.poisonPhoneNumber

    @Test("a poison record (the mock's poison phone number) fails its transform, in every integration")
    func poisonRecords() async throws {
        let expected = { (id: String) in
            PersonTransformError(.invalidPhoneNumber, personId: id, message: "\"\(Self.poison)\" is not a phone number")
        }
        await #expect(throws: expected("1")) {
            try await Self.quo(PipedriveIntegration(client: Self.client), PipedrivePerson(
                id: 1, firstName: "P", lastName: nil, phone: [.init(label: "work", value: Self.poison)]))
        }
        await #expect(throws: expected("rec-1")) {
            try await Self.quo(AttioIntegration(client: Self.client), AttioPerson(
                id: .init(recordId: "rec-1"), values: .init(name: nil, phoneNumbers: [.init(phoneNumber: Self.poison)])))
        }
        await #expect(throws: expected("41")) {
            try await Self.quo(AxisCareIntegration(client: Self.client), AxisCareContact(
                contactId: 41, firstName: nil, lastName: nil, phone: Self.poison))
        }
        await #expect(throws: expected("z-1")) {
            try await Self.quo(ZohoCRMIntegration(client: Self.client), .lead(ZohoLead(
                id: "z-1", firstName: nil, lastName: nil, phone: Self.poison)))
        }
        await #expect(throws: expected("mock_1")) {
            try await Self.quo(ScalingTestIntegration(client: Self.client), ScalingTestPerson(
                id: "mock_1", firstName: nil, lastName: nil, email: "a@b.example", phone: Self.poison))
        }
    }

    @Test("what counts as a phone number and an email", arguments: [
        ("555-0042", true), ("+1 (555) 010-0100", true), ("+44 20 7946 0000", true), ("911", true), ("12", false),
        ("1234567890123456", false), ("555-CALL", false), ("5+55", false), (ContactFieldRules.poisonPhoneNumber, false),
    ])
    func phoneRule(value: String, valid: Bool) {
        #expect(ContactFieldRules.isPhoneNumber(value) == valid)
    }

    @Test("an email needs text on both sides of an @")
    func emailRule() async throws {
        #expect(ContactFieldRules.isEmail("a@b.example"))
        #expect(!ContactFieldRules.isEmail("ab.example"))
        #expect(!ContactFieldRules.isEmail("@b.example"))
        #expect(!ContactFieldRules.isEmail("a@"))
        await #expect(throws: PersonTransformError(.invalidEmail, personId: "42", message: "\"not-an-email\" is not an email address")) {
            try await Self.quo(AxisCareIntegration(client: Self.client), AxisCareContact(
                contactId: 42, firstName: nil, lastName: nil, email: "not-an-email"))
        }
    }

    @Test("a batch transforms the good persons and lists the poison ones")
    func batch() async {
        let persons = (0..<5).map { index in
            ScalingTestPerson(
                id: "mock_\(index)", firstName: "Test\(index)", lastName: "Person\(index)", email: "test\(index)@example.com",
                phone: index == 3 ? Self.poison : "555-000\(index)")
        }
        let (contacts, failures) = await ScalingTestIntegration(client: Self.client).transformPersons(persons)
        #expect(contacts.map(\.externalId) == ["mock_0", "mock_1", "mock_2", "mock_4"])
        #expect(failures.map(\.personId) == ["mock_3"])
        let at = Date(timeIntervalSince1970: 1_759_492_800)
        #expect(failures.map { ProcessErrorEntry($0, page: 4, timestamp: at) } == [ProcessErrorEntry(
            personId: "mock_3", page: 4, message: "InvalidPhoneNumber: person mock_3: \"\(Self.poison)\" is not a phone number", timestamp: at)])
    }
}
