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

    /// LocalStack's AWS-validated test_fifo_receive_message_visibility_timeout_shared_in_group: when
    /// the timeouts end, the group nobody received comes first, then the groups in the order their
    /// timeouts ended.
    @Test func groupsWhoseTimeoutEndedGoBehindTheGroupsThatWaited() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true", "VisibilityTimeout": "30"])
        for body in ["g1-m1", "g1-m2", "g1-m3", "g1-m4", "g2-m1", "g3-m1"] {
            try await fixture.send(body, to: "q.fifo", group: String(body.prefix(2)))
        }
        #expect(try await fixture.receive("q.fifo", max: 2).map(\.body) == ["g1-m1", "g1-m2"])
        fixture.clock.advance(seconds: 1)
        #expect(try await fixture.receive("q.fifo", max: 1).map(\.body) == ["g2-m1"], "g1 is held while in flight")
        fixture.clock.advance(seconds: 30)
        #expect(try await fixture.receive("q.fifo", visibility: 0).map(\.body) == ["g3-m1", "g1-m1", "g1-m2", "g1-m3", "g1-m4", "g2-m1"])
    }

    @Test func aGroupWaitsWhileItsFirstRemainingMessageIsInFlightAfterAPartialDelete() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        for body in ["g1-m1", "g2-m1", "g1-m2", "g1-m3"] { try await fixture.send(body, to: "q.fifo", group: String(body.prefix(2))) }
        let held = try await fixture.receive("q.fifo", max: 2)
        _ = try await fixture.store.deleteMessages(fromQueue: "q.fifo", receiptHandles: [held[0].receiptHandle])
        #expect(try await fixture.receive("q.fifo").map(\.body) == ["g2-m1"])
    }

    @Test func oneReceiveNeverHandsOutAGroupTwiceEvenWithAZeroTimeout() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true"])
        for body in ["a-1", "b-1", "a-2"] { try await fixture.send(body, to: "q.fifo", group: String(body.prefix(1))) }
        #expect(try await fixture.receive("q.fifo", visibility: 0).map(\.body) == ["a-1", "a-2", "b-1"])
        #expect(try await fixture.receive("q.fifo", visibility: 0).map(\.body) == ["a-1", "a-2", "b-1"])
    }

    @Test func changingTheDeduplicationScopeAppliesToTheNextSend() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true"])
        let first = try await fixture.send("a", to: "q.fifo", group: "g1", dedup: "d")
        #expect(try await fixture.send("b", to: "q.fifo", group: "g2", dedup: "d").messageId == first.messageId)
        try await fixture.store.setAttributes(ofQueue: "q.fifo", ["DeduplicationScope": "messageGroup", "FifoThroughputLimit": "perMessageGroupId"])
        let otherGroup = try await fixture.send("c", to: "q.fifo", group: "g2", dedup: "d")
        #expect(otherGroup.messageId != first.messageId)
        #expect(try await fixture.send("d", to: "q.fifo", group: "g1", dedup: "d").messageId == first.messageId)
        try await fixture.store.setAttributes(ofQueue: "q.fifo", ["DeduplicationScope": "queue"])
        let backToQueueScope = try await fixture.send("e", to: "q.fifo", group: "g3", dedup: "d")
        #expect([first.messageId, otherGroup.messageId].contains(backToQueueScope.messageId))
        #expect(try await fixture.receive("q.fifo").map(\.body) == ["a", "c"])
    }

    @Test func purgeForgetsDeduplicationIds() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true"])
        let first = try await fixture.send("1", to: "q.fifo", group: "g", dedup: "d")
        try await fixture.store.purgeQueue(named: "q.fifo")
        #expect(try await fixture.send("2", to: "q.fifo", group: "g", dedup: "d").messageId != first.messageId)
        #expect(try await fixture.receive("q.fifo").map(\.body) == ["2"])
    }

    @Test func perMessageDelayZeroIsAllowedAndTheQueueDelayStillApplies() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "DelaySeconds": "5"])
        try await fixture.send("m", to: "q.fifo", delay: 0, group: "g", dedup: "1")
        #expect(try await fixture.receive("q.fifo").isEmpty)
        fixture.clock.advance(seconds: 5)
        #expect(try await fixture.receive("q.fifo").map(\.body) == ["m"])
        await #expect(throws: SQSError.invalidParameter(
            "DelaySeconds", "2", reason: "The request include parameter that is not valid for this queue type.")) {
            try await fixture.send("late", to: "q.fifo", delay: 2, group: "g", dedup: "2")
        }
    }

    @Test func fifoQueueMayBeRestatedButNotChanged() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true"])
        try await fixture.createQueue("q")
        try await fixture.store.setAttributes(ofQueue: "q.fifo", ["FifoQueue": "true"])
        await #expect(throws: SQSError(.invalidAttributeValue, "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")) {
            try await fixture.store.setAttributes(ofQueue: "q.fifo", ["FifoQueue": "false"])
        }
        await #expect(throws: SQSError(.invalidAttributeName, "Unknown Attribute FifoQueue.")) {
            try await fixture.store.setAttributes(ofQueue: "q", ["FifoQueue": "true"])
        }
    }
}
