import CRMMock
import StrictJSON
import Testing

/// Every CRM's listing, read over HTTP in the CRM's own pagination style.
@Suite struct PaginationTests {
    @Test("walking the pages serves every person exactly once, newest first", arguments: PersonList.all)
    func walksEveryPersonOnceNewestFirst(list: PersonList) async throws {
        try await MockHarness.run([list.crm: ["records=45"]]) { harness in
            let client = CRMClient(harness: harness, list: list)
            let walk = try await client.walk(size: 10)
            #expect(walk.ids == (1...45).map(list.id))
            #expect(Set(walk.ids).count == 45)
            #expect(walk.pages == 5)
            #expect(zip(walk.modified, walk.modified.dropFirst()).allSatisfy { $0 > $1 }, "not strictly newest first")
            #expect(try await client.total() == 45)

            let oldestFirst = try await client.walk(size: 10, ascending: true)
            #expect(oldestFirst.ids == walk.ids.reversed())
        }
    }

    @Test("the seed's fan-out: page 0 gives the total, then all other pages fetched at once are disjoint and complete", arguments: PersonList.all)
    func fanOutCoversEveryPerson(list: PersonList) async throws {
        try await MockHarness.run([list.crm: ["records=95"]]) { harness in
            let client = CRMClient(harness: harness, list: list)
            let size = 20
            let first = try await client.page(0, size: size)
            let total = try #require(try await client.total())
            #expect(total == 95)
            let pages = try await withThrowingTaskGroup(of: [String].self) { group in
                for index in 1..<(total + size - 1) / size {
                    group.addTask { try await client.page(index, size: size).persons.compactMap(client.id(of:)) }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            let all = first.persons.compactMap(client.id(of:)) + pages
            #expect(all.count == 95)
            #expect(Set(all) == Set((1...95).map(list.id)))
        }
    }

    @Test("modifiedSince keeps the persons modified at or after it, newest first", arguments: PersonList.all)
    func modifiedSinceFilters(list: PersonList) async throws {
        try await MockHarness.run([list.crm: ["records=60"]]) { harness in
            let client = CRMClient(harness: harness, list: list)
            // Generated persons were modified a minute apart, number 1 newest.
            let newest = try #require(try await client.walk(size: 1).modified.first)
            let since = newest.adding(milliseconds: -9 * 60_000)
            let walk = try await client.walk(size: 4, since: since)
            #expect(walk.ids == (1...10).map(list.id))
            #expect(walk.modified.allSatisfy { $0 >= since })
            #expect(try await client.total(since: since) == 10)

            // Nothing modified later than all: an empty answer (Zoho: 204), not an error.
            let after = try await client.walk(size: 4, since: newest.adding(milliseconds: 1))
            #expect(after.ids.isEmpty)
        }
    }

    @Test("bulk fetch by ids returns the persons asked for, in that order, leaving out unknown ids", arguments: PersonList.all)
    func bulkById(list: PersonList) async throws {
        try await MockHarness.run([list.crm: ["records=30"]]) { harness in
            let client = CRMClient(harness: harness, list: list)
            let wanted = [list.id(17), list.id(3), list.id(30), list.id(31), list.id(8)]
            let persons = try await client.bulk(wanted)
            #expect(persons.compactMap(client.id(of:)) == [list.id(17), list.id(3), list.id(30), list.id(8)])
            #expect(persons.allSatisfy { client.email(of: $0)?.hasSuffix("@example.com") == true })
            #expect(await harness.server.counters(for: list.crm).personsReturned == 4)
        }
    }

    @Test("person data is deterministic: two servers serve identical pages")
    func personsAreDeterministic() async throws {
        var pages: [[JSONValue]] = []
        for _ in 0..<2 {
            try await MockHarness.run([.pipedrive: ["records=12"]]) { harness in
                let page = try await CRMClient(harness: harness, list: PersonList(crm: .pipedrive, kind: .contact)).page(0, size: 12)
                pages.append(page.persons)
            }
        }
        #expect(pages[0] == pages[1])
    }
}
