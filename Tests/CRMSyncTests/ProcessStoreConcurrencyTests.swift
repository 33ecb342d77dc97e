import CRMSync
import Foundation
import Testing

/// Many workers record the pages of one sync at the same time, as Lambda runs them: no increment
/// is lost, and exactly one worker is told to send `COMPLETE_SYNC`, however the pages interleave
/// and however often a page is delivered.
@Suite("The Process store under concurrent workers")
struct ProcessStoreConcurrencyTests {
    static let pageCount = 60
    static let workerCount = 8

    /// Page `page`'s outcome: 10 records, of which 1 poison on every third page.
    static func outcome(page: Int) -> PageOutcome {
        let failed = page % 3 == 0 ? 1 : 0
        let errors = (0..<failed).map { ProcessErrorEntry(personId: "p\(page)-\($0)", page: page, message: "poison", timestamp: Date()) }
        return PageOutcome(page: page, synced: 10 - failed, failed: failed, errors: errors)
    }

    /// Every page once, then every page again (redeliveries, the last page's included), and page 0 a
    /// third time, dealt round-robin so that each page's deliveries land on different workers.
    static func deliveries() -> [[Int]] {
        let pages = Array(0..<pageCount) + Array((0..<pageCount).reversed()) + [0]
        var perWorker = Array(repeating: [Int](), count: workerCount)
        for (index, page) in pages.enumerated() { perWorker[index % workerCount].append(page) }
        return perWorker
    }

    static var deliveryCount: Int { deliveries().map(\.count).reduce(0, +) }

    static func createFannedOutSync(_ store: ProcessStore) async throws -> String {
        let id = try await store.createSync(integration: "scaling-test", syncType: .initial, personObjectType: "MockPerson", pageSize: 10).id
        _ = try await store.recordTotal(id, totalRecords: pageCount * 10, totalPages: pageCount)
        #expect(try await store.finishQueuing(id) == .pending)
        return id
    }

    static func expectExactTotals(_ store: ProcessStore, _ id: String) async throws {
        let expected = (0..<pageCount).map(outcome(page:))
        let process = try await store.process(id)
        #expect(process.state == .completing)
        #expect(process.context.processedRecords == expected.map(\.processed).reduce(0, +))
        #expect(process.results.totalSynced == expected.map(\.synced).reduce(0, +))
        #expect(process.results.totalFailed == expected.map(\.failed).reduce(0, +))
        #expect(process.context.pagination.processedPages == pageCount)
        #expect(Set(process.results.errors.compactMap(\.personId)) == Set(expected.flatMap(\.errors).compactMap(\.personId)))
    }

    @Test("separate OS processes, released together, with redelivered pages", arguments: 1...3)
    func osProcesses(round: Int) async throws {
        let path = TestFiles.newDatabasePath()
        let store = try ProcessStore(path: path)
        let id = try await Self.createFannedOutSync(store)
        let argumentLists = Self.deliveries().map { pages in
            ["mark", path, id] + pages.map { page in
                let outcome = Self.outcome(page: page)
                return "\(page):\(outcome.synced):\(outcome.failed)"
            }
        }
        let decisions = try await RaceWorker.runTogether(argumentLists).flatMap { $0 }
        #expect(decisions.count == Self.deliveryCount)
        #expect(decisions.filter { $0.hasSuffix(" sendCompleteSync") }.count == 1)
        #expect(decisions.filter { $0.hasSuffix(" duplicatePage") }.count == Self.deliveryCount - Self.pageCount)
        try await Self.expectExactTotals(store, id)
    }

    @Test("concurrent tasks, each with its own connection pool to the file")
    func connections() async throws {
        let path = TestFiles.newDatabasePath()
        let id = try await Self.createFannedOutSync(try ProcessStore(path: path))
        let stores = try (0..<Self.workerCount).map { _ in try ProcessStore(path: path) }
        let decisions = try await withThrowingTaskGroup(of: [CompletionDecision].self) { group in
            for (store, pages) in zip(stores, Self.deliveries()) {
                group.addTask {
                    var decisions: [CompletionDecision] = []
                    for page in pages { decisions.append(try await store.recordPage(id, Self.outcome(page: page))) }
                    return decisions
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(decisions.filter { $0 == .sendCompleteSync }.count == 1)
        #expect(decisions.filter { $0 == .duplicatePage }.count == Self.deliveryCount - Self.pageCount)
        try await Self.expectExactTotals(stores[0], id)
    }

    @Test("workers starting together on a new file all open it: one migrates, the others find it migrated")
    func openTogether() async throws {
        let path = TestFiles.newDatabasePath()
        let outputs = try await RaceWorker.runTogether(Array(repeating: ["open", path], count: Self.workerCount))
        #expect(outputs == Array(repeating: ["opened"], count: Self.workerCount))
        let store = try ProcessStore(path: path)
        #expect(try await store.processes().isEmpty)
    }
}
