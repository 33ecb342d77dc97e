import QueueStore
import Testing

@Suite("Visibility, delay and retention with an injected clock")
struct VisibilityAndDelayTests {
    @Test func messageReturnsWhenItsVisibilityTimeoutPasses() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["VisibilityTimeout": "30"])
        try await fixture.send("m", to: "q")
        let first = try await fixture.receive("q")
        #expect(first.count == 1)
        fixture.clock.advance(seconds: 29.9)
        #expect(try await fixture.receive("q").isEmpty)
        #expect(try await fixture.counts("q")["ApproximateNumberOfMessagesNotVisible"] == "1")
        fixture.clock.advance(seconds: 0.1)
        let second = try await fixture.receive("q")
        #expect(second.map(\.messageId) == first.map(\.messageId))
        #expect(second[0].attributes["ApproximateReceiveCount"] == "2")
        #expect(second[0].receiptHandle != first[0].receiptHandle)
    }

    @Test func perReceiveVisibilityOverridesTheQueue() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["VisibilityTimeout": "30"])
        try await fixture.send("m", to: "q")
        _ = try await fixture.receive("q", visibility: 5)
        fixture.clock.advance(seconds: 5)
        #expect(try await fixture.receive("q").count == 1)
    }

    @Test func changeVisibilityCountsTheTwelveHourCapFromTheReceive() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        try await fixture.send("m", to: "q")
        let handle = try await fixture.receive("q", visibility: 43_200)[0].receiptHandle
        fixture.clock.advance(seconds: 3600)
        let overCap = try await fixture.store.changeVisibility(ofQueue: "q", [(handle, 39_601)])
        #expect(throws: SQSError.self) { try overCap[0].get() }
        let atCap = try await fixture.store.changeVisibility(ofQueue: "q", [(handle, 39_600)])
        #expect(throws: Never.self) { try atCap[0].get() }
    }

    @Test func delayedMessagesAreCountedApartUntilDue() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["DelaySeconds": "10"])
        try await fixture.send("queue default", to: "q")
        try await fixture.send("per message", to: "q", delay: 2)
        #expect(try await fixture.counts("q")["ApproximateNumberOfMessagesDelayed"] == "2")
        fixture.clock.advance(seconds: 2)
        #expect(try await fixture.receive("q").map(\.body) == ["per message"])
        fixture.clock.advance(seconds: 8)
        #expect(try await fixture.receive("q").map(\.body) == ["queue default"])
    }

    @Test func expiredMessagesVanish() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["MessageRetentionPeriod": "60"])
        try await fixture.send("old", to: "q")
        fixture.clock.advance(seconds: 30)
        try await fixture.send("young", to: "q")
        fixture.clock.advance(seconds: 30)
        #expect(try await fixture.counts("q")["ApproximateNumberOfMessages"] == "1")
        #expect(try await fixture.receive("q").map(\.body) == ["young"])
    }

    @Test func deadlinesSurviveReopeningTheFile() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["VisibilityTimeout": "60"])
        try await fixture.send("m", to: "q")
        let handle = try await fixture.receive("q")[0].receiptHandle
        let reopened = try fixture.reopen()
        #expect(try await reopened.receive(fromQueue: "q", ReceiveRequest(maxMessages: 10)).isEmpty)
        fixture.clock.advance(seconds: 60)
        let again = try await reopened.receive(fromQueue: "q", ReceiveRequest(maxMessages: 10, systemAttributeNames: ["ApproximateReceiveCount"]))
        #expect(again.first?.attributes["ApproximateReceiveCount"] == "2")
        #expect(again.first?.receiptHandle != handle)
    }

    @Test func receiveParametersAreRangeChecked() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        for request in [ReceiveRequest(maxMessages: 0), ReceiveRequest(maxMessages: 11), ReceiveRequest(visibilityTimeout: -1),
                        ReceiveRequest(visibilityTimeout: 43_201), ReceiveRequest(waitTimeSeconds: 21)] {
            await #expect(throws: SQSError.self) { try await fixture.store.receive(fromQueue: "q", request) }
        }
    }

    /// LocalStack's AWS-validated test_inflight_message_requeue: a message whose timeout ended comes
    /// back before one sent while it was in flight.
    @Test func aRequeuedMessageComesBackInItsPlace() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["VisibilityTimeout": "3"])
        try await fixture.send("test1", to: "q")
        _ = try await fixture.receive("q")
        fixture.clock.advance(seconds: 1.5)
        try await fixture.send("test2", to: "q")
        fixture.clock.advance(seconds: 3)
        #expect(try await fixture.receive("q", max: 1).map(\.body) == ["test1"])
    }

    /// As on AWS (LocalStack's AWS-validated test_terminate_visibility_timeout_after_receive and
    /// PR #9632): any receipt of a message reaches it, and one that is back in the queue stays so.
    @Test func standardQueuesTakeAnyReceiptAndLeaveAVisibleMessageAlone() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        try await fixture.send("m", to: "q")
        let first = try await fixture.receive("q", visibility: 0)[0].receiptHandle
        let second = try await fixture.receive("q", visibility: 30)[0].receiptHandle
        try await fixture.store.changeVisibility(ofQueue: "q", [(first, 0)])[0].get()
        #expect(try await fixture.receive("q", visibility: 10).count == 1, "the earlier receipt ended the later timeout")
        fixture.clock.advance(seconds: 10)
        try await fixture.store.changeVisibility(ofQueue: "q", [(second, 60)])[0].get()
        #expect(try await fixture.receive("q").count == 1, "a message back in the queue is left visible")
    }

    @Test func fifoQueuesAndHeldReceiptsTakeOnlyTheCurrentReceiptInFlight() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true"])
        try await fixture.createQueue("q")
        try await fixture.send("m", to: "q.fifo", group: "g", dedup: "1")
        try await fixture.send("m", to: "q")
        for (queue, onlyIfStillHeld) in [("q.fifo", false), ("q", true)] {
            let old = try await fixture.receive(queue, visibility: 0)[0].receiptHandle
            let unavailable = SQSError.invalidParameter(
                "ReceiptHandle", old, reason: "Message does not exist or is not available for visibility timeout change.")
            let expired = try await fixture.store.changeVisibility(ofQueue: queue, [(old, 30)], onlyIfStillHeld: onlyIfStillHeld)
            #expect(throws: onlyIfStillHeld ? SQSError(.messageNotInflight, "The message referred to isn't in flight.") : unavailable) {
                try expired[0].get()
            }
            let current = try await fixture.receive(queue, visibility: 30)[0].receiptHandle
            let stale = try await fixture.store.changeVisibility(ofQueue: queue, [(old, 0)], onlyIfStillHeld: onlyIfStillHeld)
            #expect(throws: unavailable) { try stale[0].get() }
            try await fixture.store.changeVisibility(ofQueue: queue, [(current, 60)], onlyIfStillHeld: onlyIfStillHeld)[0].get()
        }
    }

    @Test func fifoRefusesToDeleteWithAnExpiredReceipt() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "VisibilityTimeout": "30"])
        try await fixture.send("m", to: "q.fifo", group: "g", dedup: "1")
        let handle = try await fixture.receive("q.fifo")[0].receiptHandle
        fixture.clock.advance(seconds: 30)
        let refused = try await fixture.store.deleteMessages(fromQueue: "q.fifo", receiptHandles: [handle])
        #expect(throws: SQSError.expiredReceiptHandle(handle)) { try refused[0].get() }
        let current = try await fixture.receive("q.fifo")[0].receiptHandle
        let deleted = try await fixture.store.deleteMessages(fromQueue: "q.fifo", receiptHandles: [current, current])
        #expect(throws: Never.self) { try deleted[0].get(); try deleted[1].get() }
    }
}
