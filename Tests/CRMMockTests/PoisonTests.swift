import CRMMock
import StrictJSON
import Testing

/// Poison records: served like any person, with phone numbers no transform may accept.
@Suite struct PoisonTests {
    @Test("poison persons are listed with every phone number \"not-a-phone\"; the others have E.164 numbers", arguments: PersonList.all)
    func poisonPersonsHaveBadPhones(list: PersonList) async throws {
        try await MockHarness.run([list.crm: ["records=12", "poison=3,6"]]) { harness in
            let client = CRMClient(harness: harness, list: list)
            let persons = try await client.page(0, size: 12).persons
            #expect(persons.count == 12)
            for person in persons {
                let phones = client.phones(of: person)
                #expect(!phones.isEmpty)
                if [list.id(3), list.id(6)].contains(client.id(of: person)) {
                    #expect(phones.allSatisfy { $0 == MockPerson.poisonPhone }, "\(phones)")
                } else {
                    #expect(phones.allSatisfy { $0.hasPrefix("+1") && $0.count == 12 }, "\(phones)")
                }
            }
        }
    }
}
