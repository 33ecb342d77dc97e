import QueueStore
import Testing

@Suite("FIFO receive attempts (ReceiveRequestAttemptId) with an injected clock")
struct ReceiveAttemptTests {
    /// A FIFO queue with a 30 s visibility timeout and three messages in one group.
    private func fixture() async throws -> StoreFixture {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q.fifo", ["FifoQueue": "true", "ContentBasedDeduplication": "true", "VisibilityTimeout": "30"])
        for body in ["1", "2", "3"] { try await fixture.send(body, to: "q.fifo", group: "g") }
        return fixture
    }

    @Test("a retry gets the same messages and receipt handles, counted once, and restarts their visibility")
    func replay() async throws {
        let fixture = try await fixture()
        let first = try await fixture.receive("q.fifo", max: 2, attempt: "attempt-1")
        #expect(first.map(\.body) == ["1", "2"])
        fixture.clock.advance(seconds: 20)
        let retry = try await fixture.receive("q.fifo", max: 2, attempt: "attempt-1")
        #expect(retry.map(\.receiptHandle) == first.map(\.receiptHandle))
        #expect(retry.map { $0.attributes["ApproximateReceiveCount"] } == ["1", "1"])
        // Visible again 30 s after the retry, not after the first receive.
        fixture.clock.advance(seconds: 15)
        #expect(try await fixture.receive("q.fifo").isEmpty)
        fixture.clock.advance(seconds: 15)
        #expect(try await fixture.receive("q.fifo", max: 1).map(\.body) == ["1"])
    }

    @Test("once a message of the attempt is deleted or its visibility changed, the id receives anew")
    func touchedMessages() async throws {
        for touch in ["delete", "change visibility"] {
            let fixture = try await fixture()
            let first = try await fixture.receive("q.fifo", max: 1, attempt: "attempt-1")
            if touch == "delete" {
                _ = try await fixture.store.deleteMessages(fromQueue: "q.fifo", receiptHandles: [first[0].receiptHandle])
                #expect(try await fixture.receive("q.fifo", max: 1, attempt: "attempt-1").map(\.body) == ["2"], "\(touch)")
            } else {
                _ = try await fixture.store.changeVisibility(
                    ofQueue: "q.fifo", [(receiptHandle: first[0].receiptHandle, visibilityTimeout: 0)])
                let again = try await fixture.receive("q.fifo", max: 1, attempt: "attempt-1")
                #expect(again.map(\.body) == ["1"], "\(touch)")
                #expect(again.map(\.receiptHandle) != first.map(\.receiptHandle), "a new receive, with a new handle")
            }
        }
    }

    @Test("an attempt id lasts five minutes, and means nothing on a standard queue")
    func expiryAndStandardQueues() async throws {
        let fixture = try await fixture()
        let first = try await fixture.receive("q.fifo", max: 1, visibility: 600, attempt: "attempt-1")
        fixture.clock.advance(seconds: 301)
        // Past five minutes the id receives anew; message 1 is still in flight, so its group waits.
        #expect(try await fixture.receive("q.fifo", max: 1, attempt: "attempt-1").isEmpty)
        #expect(first.count == 1)

        try await fixture.createQueue("standard")
        for body in ["a", "b"] { try await fixture.send(body, to: "standard") }
        let one = try await fixture.receive("standard", max: 1, attempt: "same")
        let two = try await fixture.receive("standard", max: 1, attempt: "same")
        #expect(Set((one + two).map(\.body)) == ["a", "b"])
    }

    @Test("an attempt id must be 1 to 128 printable ASCII characters", arguments: ["", "has space", "é", String(repeating: "x", count: 129)])
    func invalidIds(id: String) async throws {
        let fixture = try await fixture()
        await #expect(throws: SQSError.self) { try await fixture.receive("q.fifo", attempt: id) }
    }
}
