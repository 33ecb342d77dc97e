import Foundation
@testable import QueueStore
import Testing

@Suite("Dead-letter redrive and message move tasks")
struct RedriveTests {
    private func deadLetterPair(_ fixture: StoreFixture, maxReceiveCount: Int) async throws -> (source: QueueRecord, dlq: QueueRecord) {
        let dlq = try await fixture.createQueue("dlq")
        let source = try await fixture.createQueue("source", [
            "VisibilityTimeout": "10",
            "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":\#(maxReceiveCount)}"#,
        ])
        return (source, dlq)
    }

    @Test func aReceiveBeyondMaxReceiveCountMovesTheMessage() async throws {
        let fixture = try StoreFixture()
        let (source, _) = try await deadLetterPair(fixture, maxReceiveCount: 3)
        let sent = try await fixture.send("poison", to: "source")
        for _ in 1...3 {
            #expect(try await fixture.receive("source").count == 1)
            fixture.clock.advance(seconds: 10)
        }
        #expect(try await fixture.receive("source").isEmpty)
        let dead = try await fixture.receive("dlq")
        #expect(dead.map(\.messageId) == [sent.messageId])
        #expect(dead[0].attributes["DeadLetterQueueSourceArn"] == source.arn)
        #expect(try await fixture.store.deadLetterSourceQueueNames(of: "dlq") == ["source"])
    }

    @Test func deadLetteringDoesNotCostTheReceiveItsOtherMessages() async throws {
        let fixture = try StoreFixture()
        _ = try await deadLetterPair(fixture, maxReceiveCount: 1)
        try await fixture.send("poison", to: "source")
        _ = try await fixture.receive("source")
        fixture.clock.advance(seconds: 10)
        try await fixture.send("fresh", to: "source")
        #expect(try await fixture.receive("source").map(\.body) == ["fresh"])
        #expect(try await fixture.receive("dlq").map(\.body) == ["poison"])
    }

    @Test func withoutAnExistingTargetNothingIsMoved() async throws {
        let fixture = try StoreFixture()
        _ = try await deadLetterPair(fixture, maxReceiveCount: 1)
        try await fixture.store.deleteQueue(named: "dlq")
        try await fixture.send("m", to: "source")
        for _ in 1...3 {
            #expect(try await fixture.receive("source").count == 1)
            fixture.clock.advance(seconds: 10)
        }
    }

    @Test func moveTaskReturnsDeadLettersToTheirSource() async throws {
        let fixture = try StoreFixture()
        let (_, dlq) = try await deadLetterPair(fixture, maxReceiveCount: 1)
        for index in 0..<3 { try await fixture.send("m\(index)", to: "source") }
        _ = try await fixture.receive("source")
        fixture.clock.advance(seconds: 10)
        #expect(try await fixture.receive("source").isEmpty)
        let handle = try await fixture.store.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: nil, maxPerSecond: 1)
        let tasks = try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1)
        #expect(tasks.map(\.handle) == [handle])
        #expect(tasks[0].messagesToMove == 3)
        let moved = try await fixture.store.receive(fromQueue: "source", ReceiveRequest(maxMessages: 10, waitTimeSeconds: 0))
        #expect(moved.isEmpty, "nothing moves until the runner advances the task")
        // One message at once, then one a second.
        try await fixture.store.advanceMoveTask(id: tasks[0].id!)
        try await fixture.store.advanceMoveTask(id: tasks[0].id!)
        #expect(try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1)[0].messagesMoved == 1)
        fixture.clock.advance(seconds: 1)
        try await fixture.store.advanceMoveTask(id: tasks[0].id!)
        #expect(try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1)[0].messagesMoved == 2)
        fixture.clock.advance(seconds: 1)
        try await fixture.store.advanceMoveTask(id: tasks[0].id!)
        let finished = try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1)[0]
        #expect(finished.status == .completed)
        #expect(finished.messagesMoved == 3)
        let back = try await fixture.receive("source")
        #expect(back.map(\.body).sorted() == ["m0", "m1", "m2"])
        #expect(back.allSatisfy { $0.attributes["ApproximateReceiveCount"] == "1" })
    }

    @Test func moveTaskFailsWhenTheSourceQueueIsGone() async throws {
        let fixture = try StoreFixture()
        let (_, dlq) = try await deadLetterPair(fixture, maxReceiveCount: 1)
        try await fixture.send("m", to: "source")
        _ = try await fixture.receive("source")
        fixture.clock.advance(seconds: 10)
        _ = try await fixture.receive("source")
        let handle = try await fixture.store.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: nil, maxPerSecond: nil)
        try await fixture.store.deleteQueue(named: "source")
        let started = try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1)[0]
        #expect(started.handle == handle)
        try await fixture.store.advanceMoveTask(id: started.id!)
        let task = try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1)[0]
        #expect(task.status == .failed)
        #expect(task.failureReason == "AWS.SimpleQueueService.NonExistentQueue")
    }
}
