import QueueStore
import Testing

@Suite("FIFO ordering and deduplication with an injected clock")
struct FifoTests {
    @Test func aGroupWaitsWhileItsEarlierMessageIsInFlight() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "VisibilityTimeout": "30"])
        try await fixture.send("a1", to: "q.fifo", group: "a", dedup: "1")
        try await fixture.send("a2", to: "q.fifo", group: "a", dedup: "2")
        try await fixture.send("b1", to: "q.fifo", group: "b", dedup: "3")
        #expect(try await fixture.receive("q.fifo", max: 1).map(\.body) == ["a1"])
        #expect(try await fixture.receive("q.fifo").map(\.body) == ["b1"])
        #expect(try await fixture.receive("q.fifo").isEmpty)
        fixture.clock.advance(seconds: 30)
        // a1 timed out: it comes back first, before a2.
        #expect(try await fixture.receive("q.fifo", max: 1).map(\.body) == ["a1"])
    }

    @Test func oneReceiveReturnsAGroupInOrder() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        for body in ["1", "2", "3"] { try await fixture.send(body, to: "q.fifo", group: "g") }
        #expect(try await fixture.receive("q.fifo").map(\.body) == ["1", "2", "3"])
    }

    @Test func deduplicationLastsFiveMinutesAndOutlivesDeletion() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true"])
        let first = try await fixture.send("x", to: "q.fifo", group: "g", dedup: "d")
        let handle = try await fixture.receive("q.fifo")[0].receiptHandle
        _ = try await fixture.store.deleteMessages(fromQueue: "q.fifo", receiptHandles: [handle])
        fixture.clock.advance(seconds: 299)
        #expect(try await fixture.send("x", to: "q.fifo", group: "g", dedup: "d").messageId == first.messageId)
        #expect(try await fixture.receive("q.fifo").isEmpty)
        fixture.clock.advance(seconds: 1)
        let later = try await fixture.send("x", to: "q.fifo", group: "g", dedup: "d")
        #expect(later.messageId != first.messageId)
        #expect(later.sequenceNumber! > first.sequenceNumber!)
    }

    @Test func messageGroupScopeDeduplicatesPerGroup() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "DeduplicationScope": "messageGroup"])
        let a = try await fixture.send("x", to: "q.fifo", group: "a", dedup: "d")
        let b = try await fixture.send("x", to: "q.fifo", group: "b", dedup: "d")
        #expect(a.messageId != b.messageId)
    }

    @Test func sequenceNumbersIncreaseWithEveryQueuedMessage() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true",
                                                 "DeduplicationScope": "messageGroup", "FifoThroughputLimit": "perMessageGroupId"])
        var sequences: [String] = []
        for (group, body) in [("c1", "a"), ("c1", "b"), ("c2", "c")] {
            sequences.append(try await fixture.send(body, to: "q.fifo", group: group).sequenceNumber!)
        }
        #expect(sequences == sequences.sorted())
        #expect(Set(sequences).count == 3, "\(sequences)")
    }
}
