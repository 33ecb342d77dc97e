import Testing

@testable import CRMMock

@Suite struct PersonCollectionTests {
    let newest = MockPerson.newestGeneratedModification

    @Test func pagesNewestFirstOrOldestFirst() {
        var collection = PersonCollection(kind: .contact, records: 7)
        #expect(collection.page(offset: 0, limit: 3, since: nil, descending: true).entries.map(\.number) == [1, 2, 3])
        #expect(collection.page(offset: 6, limit: 3, since: nil, descending: true).entries.map(\.number) == [7])
        #expect(collection.page(offset: 0, limit: 3, since: nil, descending: false).entries.map(\.number) == [7, 6, 5])
        let beyond = collection.page(offset: 7, limit: 3, since: nil, descending: true)
        #expect(beyond.entries.isEmpty && beyond.total == 7)
        #expect(collection.entry(number: 2)?.modifiedAt == newest.adding(milliseconds: -60_000))
        #expect(collection.entry(number: 8) == nil)
    }

    @Test func sinceKeepsModificationsAtOrAfterIt() {
        var collection = PersonCollection(kind: .contact, records: 10)
        let page = collection.page(offset: 0, limit: 10, since: newest.adding(milliseconds: -120_000), descending: false)
        #expect(page.entries.map(\.number) == [3, 2, 1])
        #expect(page.total == 3)
    }

    @Test func aModifiedPersonMovesAheadOfAllOthersEvenWhenTheClockIsBehind() throws {
        var collection = PersonCollection(kind: .contact, records: 5)
        let early = Timestamp(millisecondsSinceEpoch: 0)
        let modified = collection.modify(number: 4, now: early)
        let (before, after) = try #require(modified)
        #expect(before.revision == 0 && after.revision == 1)
        #expect(after.modifiedAt == newest.adding(milliseconds: 1))
        _ = collection.modify(number: 2, now: early)
        #expect(collection.page(offset: 0, limit: 5, since: nil, descending: true).entries.map(\.number) == [2, 4, 1, 3, 5])
        #expect(collection.page(offset: 0, limit: 5, since: newest.adding(milliseconds: 1), descending: true).entries.map(\.number) == [2, 4])
        #expect(collection.modify(number: 6, now: early) == nil)
    }

    @Test func resizingKeepsModificationsOfPersonsThatStillExist() {
        var collection = PersonCollection(kind: .lead, records: 5)
        _ = collection.modify(number: 5, now: newest.adding(milliseconds: 10))
        collection.resize(records: 3)
        #expect(collection.page(offset: 0, limit: 10, since: nil, descending: true).entries.map(\.number) == [1, 2, 3])
        collection.resize(records: 6)
        #expect(collection.page(offset: 0, limit: 10, since: nil, descending: true).entries.map(\.number) == [5, 1, 2, 3, 4, 6])
    }
}
