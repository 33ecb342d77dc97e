import GRDB
@testable import QueueStore
import Testing

@Suite("Group commit keeps each operation atomic")
struct WriteCoalescerTests {
    @Test func aFailingOperationUndoesOnlyItsOwnChanges() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let store = fixture.store
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        try await store.write { db in
                            try db.execute(sql: "UPDATE queue SET delaySeconds = delaySeconds + 1 WHERE name = 'q'")
                            if index % 4 == 0 { throw SQSError(.invalidParameterValue, "operation \(index) fails") }
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 30)
        #expect(try await store.queue(named: "q").delaySeconds == 30)
    }

    @Test func everyCallerSeesItsOwnResult() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let store = fixture.store
        let results = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<50 {
                group.addTask { (index, try await store.write { _ in index * 2 }) }
            }
            return try await group.reduce(into: [(Int, Int)]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.1 == $0.0 * 2 })
    }
}
