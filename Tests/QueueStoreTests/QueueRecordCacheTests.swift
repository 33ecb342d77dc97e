@testable import QueueStore
import Testing

/// The writer keeps queue rows in memory; these check that what it keeps never outlives a change.
@Suite("The writer's queue cache follows every change")
struct QueueRecordCacheTests {
    @Test("changed attributes apply to the very next send")
    func attributesChange() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        try await fixture.send("warms the cache", to: "q")
        try await fixture.store.setAttributes(ofQueue: "q", ["MaximumMessageSize": "1024", "DelaySeconds": "30"])
        await #expect(throws: SQSError.self) { try await fixture.send(String(repeating: "x", count: 2000), to: "q") }
        try await fixture.send("delayed", to: "q")
        #expect(try await fixture.counts("q")["ApproximateNumberOfMessagesDelayed"] == "1")
    }

    @Test("a change rolled back with its operation is not seen by the next one")
    func rolledBackChange() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let store = fixture.store
        try await fixture.send("warms the cache", to: "q")
        await #expect(throws: SQSError.self) {
            try await store.write { db in
                var queue = try store.queue(named: "q", db)
                queue.delaySeconds = 300
                try queue.update(db)
                store.queueCache.keep(queue)
                throw SQSError(.invalidParameterValue, "this operation fails after changing the queue")
            }
        }
        try await fixture.send("not delayed", to: "q")
        #expect(try await fixture.counts("q")["ApproximateNumberOfMessages"] == "2")
        #expect(try await store.queue(named: "q").delaySeconds == 0)
    }

    @Test("a queue deleted and created again under the same name is the new queue")
    func recreated() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        try await fixture.send("old", to: "q")
        try await fixture.store.deleteQueue(named: "q")
        await #expect(throws: SQSError.self) { try await fixture.send("to nowhere", to: "q") }
        try await fixture.createQueue("q", ["DelaySeconds": "60"])
        try await fixture.send("new", to: "q")
        let counts = try await fixture.counts("q")
        #expect(counts["ApproximateNumberOfMessages"] == "0")
        #expect(counts["ApproximateNumberOfMessagesDelayed"] == "1")
    }

    @Test("a change committed by another connection to the same file is seen by the next send")
    func otherConnection() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        try await fixture.send("warms the cache", to: "q")
        // Another store on the same file stands for another process.
        let other = try fixture.reopen()
        try await other.setAttributes(ofQueue: "q", ["DelaySeconds": "60"])
        try await fixture.send("delayed", to: "q")
        #expect(try await fixture.counts("q")["ApproximateNumberOfMessagesDelayed"] == "1")
    }

    @Test("purge, tags and permissions changes are seen by later writes")
    func otherChanges() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let store = fixture.store
        try await fixture.send("one", to: "q")
        try await store.purgeQueue(named: "q")
        // A second purge within 60 s is refused only if the first one's time was seen.
        await #expect(throws: SQSError.self) { try await store.purgeQueue(named: "q") }
        // Each tagging reads the queue on the writer: a stale row would drop the earlier tag.
        try await store.tagQueue(named: "q", ["team": "crm"])
        try await store.tagQueue(named: "q", ["stage": "test"])
        #expect(try await store.tags(ofQueue: "q") == ["team": "crm", "stage": "test"])
    }
}
