import Foundation
@testable import QueueStore
import Testing

@Suite("Delivery attempts are recorded with the receive and settled with the deletes")
struct DeliveryRecordTests {
    static let source = DeliverySource(functionName: "worker", mappingId: "mapping-1", queueName: "jobs")

    static func receive(_ fixture: StoreFixture, _ recording: DeliveryRecording?, max: Int = 10) async throws -> Delivery {
        try await fixture.store.receive(
            fromQueue: "jobs", ReceiveRequest(maxMessages: max, systemAttributeNames: ["All"]), wait: .zero, recording: recording)
    }

    @Test("a mapping's receive records the attempt and its messages in the same transaction; an empty one records nothing")
    func recordedReceive() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("jobs", ["VisibilityTimeout": "30"])
        let empty = try await Self.receive(fixture, .start(Self.source))
        #expect(empty.messages.isEmpty && empty.attemptId == nil)
        let sent = [try await fixture.send("a", to: "jobs"), try await fixture.send("b", to: "jobs")]
        let delivery = try await Self.receive(fixture, .start(Self.source))
        let attemptId = try #require(delivery.attemptId)
        #expect(delivery.visibleUntil == fixture.clock.now() + 30_000)
        let attempts = try await fixture.store.deliveryAttempts()
        #expect(attempts.count == 1)
        #expect(attempts[0].id == attemptId && attempts[0].batchSize == 2 && attempts[0].outcome == .inProgress)
        for message in sent {
            let history = try await fixture.store.deliveryHistory(ofMessage: message.messageId)
            #expect(history.map(\.attempt.id) == [attemptId])
            #expect(history.map(\.status) == [.inBatch])
        }
    }

    @Test("settling deletes the listed receipts and records the outcome; reported failures and filtered messages are marked")
    func completion() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("jobs")
        for body in ["ok", "fail", "skip"] { try await fixture.send(body, to: "jobs") }
        let delivery = try await Self.receive(fixture, .start(Self.source))
        let byBody = Dictionary(uniqueKeysWithValues: delivery.messages.map { ($0.body, $0) })
        var completion = DeliveryCompletion(attemptId: delivery.attemptId, outcome: .batchItemFailures)
        completion.requestId = "request-1"
        completion.coldStart = true
        completion.durationMicroseconds = 1_500
        completion.deleting = [byBody["ok"]!.receiptHandle, byBody["skip"]!.receiptHandle]
        completion.reportedFailed = [byBody["fail"]!.messageId]
        completion.filteredOut = [byBody["skip"]!.messageId]
        fixture.clock.advance(seconds: 2)
        try await fixture.store.completeDelivery(completion, inQueue: "jobs")
        #expect(try await fixture.counts("jobs")["ApproximateNumberOfMessagesNotVisible"] == "1")
        let attempt = try #require(try await fixture.store.deliveryAttempts().first)
        #expect(attempt.outcome == .batchItemFailures && attempt.requestId == "request-1" && attempt.coldStart)
        #expect(attempt.durationMicroseconds == 1_500 && attempt.endedAt == attempt.receivedAt + 2_000)
        #expect(try await fixture.store.deliveryHistory(ofMessage: byBody["fail"]!.messageId).map(\.status) == [.reportedFailed])
        #expect(try await fixture.store.deliveryHistory(ofMessage: byBody["skip"]!.messageId).map(\.status) == [.filteredOut])
        #expect(try await fixture.store.deliveryHistory(ofMessage: byBody["ok"]!.messageId).map(\.status) == [.inBatch])
    }

    @Test("a later receive for the same batch joins its attempt; messages carried to the next batch leave it")
    func appendAndCarry() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("jobs")
        for body in ["1", "2", "3"] { try await fixture.send(body, to: "jobs") }
        let first = try await Self.receive(fixture, .start(Self.source), max: 1)
        let attemptId = try #require(first.attemptId)
        let second = try await Self.receive(fixture, .append(attemptId: attemptId), max: 2)
        #expect(second.attemptId == attemptId)
        #expect(try await fixture.store.deliveryAttempts().map(\.batchSize) == [3])
        var completion = DeliveryCompletion(attemptId: attemptId, outcome: .succeeded)
        completion.carriedOver = [second.messages[1].messageId]
        try await fixture.store.completeDelivery(completion, inQueue: "jobs")
        #expect(try await fixture.store.deliveryAttempts().map(\.batchSize) == [2])
        #expect(try await fixture.store.deliveryHistory(ofMessage: second.messages[1].messageId).isEmpty)
        let next = try await fixture.store.startDelivery(Self.source, messages: [second.messages[1]])
        #expect(try await fixture.store.deliveryHistory(ofMessage: second.messages[1].messageId).map(\.attempt.id) == [next])
    }

    @Test("a stale receipt deletes nothing when a batch is settled, as DeleteMessage")
    func staleReceipt() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("jobs", ["VisibilityTimeout": "1"])
        try await fixture.send("slow", to: "jobs")
        let delivery = try await Self.receive(fixture, .start(Self.source))
        fixture.clock.advance(seconds: 2)
        _ = try await fixture.receive("jobs")  // received again: the first receipt is stale
        var completion = DeliveryCompletion(attemptId: delivery.attemptId, outcome: .succeeded)
        completion.deleting = delivery.messages.map(\.receiptHandle)
        try await fixture.store.completeDelivery(completion, inQueue: "jobs")
        #expect(try await fixture.counts("jobs")["ApproximateNumberOfMessagesNotVisible"] == "1")
    }

    @Test("the dead-letter move records when, from where, and the last attempt that carried the message")
    func deadLetterMove() async throws {
        let fixture = try StoreFixture()
        let dlq = try await fixture.createQueue("jobs-dlq")
        let source = try await fixture.createQueue("jobs", [
            "VisibilityTimeout": "5", "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":2}"#,
        ])
        let sent = try await fixture.send("poison", to: "jobs")
        var attemptIds: [Int64] = []
        for _ in 0..<2 {
            let delivery = try await Self.receive(fixture, .start(Self.source))
            attemptIds.append(try #require(delivery.attemptId))
            try await fixture.store.completeDelivery(DeliveryCompletion(attemptId: delivery.attemptId, outcome: .functionError), inQueue: "jobs")
            fixture.clock.advance(seconds: 5)
        }
        #expect(try await Self.receive(fixture, .start(Self.source)).messages.isEmpty)
        let move = try #require(try await fixture.store.deadLetterMove(ofMessage: sent.messageId))
        #expect(move == DeadLetterMove(sourceQueueARN: source.arn, movedAt: fixture.clock.now(), attemptId: attemptIds[1]))
        #expect(try await fixture.store.deliveryHistory(ofMessage: sent.messageId).map(\.attempt.outcome) == [.functionError, .functionError])
    }

    @Test("attempts still in progress when a runner starts are marked interrupted")
    func interrupted() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("jobs")
        try await fixture.send("a", to: "jobs")
        _ = try await Self.receive(fixture, .start(Self.source))
        let reopened = try fixture.reopen()
        #expect(try await reopened.markInterruptedDeliveries() == 1)
        #expect(try await reopened.deliveryAttempts().map(\.outcome) == [.interrupted])
        #expect(try await reopened.markInterruptedDeliveries() == 0)
    }
}
