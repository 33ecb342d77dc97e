import Foundation
import Logging
@testable import QueueStore
import Testing

/// Two stores on one file stand for two processes (`queuelab start` and `queuelab dlq redrive`):
/// what one commits, the other's waiters notice without an in-process signal, and two advancers
/// of one move task keep to its rate.
@Suite("Commits by another process on the state file")
struct OtherProcessTests {
    @Test("a wait on a queue, and the move-task runner's wait, end soon after another connection commits")
    func waitsNoticeOtherConnections() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let other = try fixture.reopen()
        for signal in ["q", QueueStore.moveTaskSignal] {
            let generation = fixture.store.signals.generation(of: signal)
            // Committed before the wait begins, by a connection whose commits signal nothing here.
            try await other.send([OutgoingMessage(body: "from elsewhere")], toQueue: "q", senderId: "other")
            let started = ContinuousClock.now
            await fixture.store.waitForSignal(on: signal, after: generation, timeout: .seconds(60))
            #expect(ContinuousClock.now - started < .seconds(30), "woken by the data_version check, not by the timeout")
            #expect(fixture.store.signals.generation(of: signal) != generation)
        }
    }

    @Test("a long poll receives a message another connection sends while it waits, long before its wait ends")
    func longPollReceivesOtherConnectionsMessage() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q", ["MessageRetentionPeriod": "60"])
        // Expired by the time the poll looks: its deletion shows the poll has looked once and found nothing.
        try await fixture.send("expired", to: "q")
        fixture.clock.advance(seconds: 61)
        let other = try fixture.reopen()
        let started = ContinuousClock.now
        let received = try await withThrowingTaskGroup(of: [ReceivedMessage].self) { group in
            group.addTask { try await fixture.store.receive(fromQueue: "q", ReceiveRequest(maxMessages: 1, waitTimeSeconds: 20)) }
            group.addTask {
                while try await other.hasMessages(inQueue: "q") { try await Task.sleep(for: .milliseconds(10)) }
                _ = try await other.send([OutgoingMessage(body: "hello")], toQueue: "q", senderId: "other")
                return []
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        // Only a wake-up can end this poll with the message: its store's clock stands still, and a
        // poll that waited its 20 s out would come back empty.
        #expect(received.map(\.body) == ["hello"])
        #expect(ContinuousClock.now - started < .seconds(20), "woken before its 20 s wait ended")
    }

    @Test("the runner carries out a move task another connection started while it waited")
    func runnerTakesOtherConnectionsTask() async throws {
        let path = NSTemporaryDirectory() + "queuelab-store-\(UUID().uuidString)/state.sqlite"
        let store = try QueueStore(path: path)
        let dlq = try await store.createQueue(name: "dlq", attributes: [:], region: "us-east-1")
        _ = try await store.createQueue(name: "source", attributes: [
            "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":1}"#,
        ], region: "us-east-1")
        for body in ["a", "b", "c"] { _ = try await store.send([OutgoingMessage(body: body)], toQueue: "source", senderId: "t") }
        let once = ReceiveRequest(maxMessages: 10, visibilityTimeout: 0, waitTimeSeconds: 0)
        #expect(try await store.receive(fromQueue: "source", once).count == 3)
        #expect(try await store.receive(fromQueue: "source", once).isEmpty, "the second receive dead-letters all three")
        let other = try QueueStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await MessageMoveTaskRunner(store: store, logger: Logger(label: "runner")).run() }
            _ = try await other.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: nil, maxPerSecond: nil)
            let deadline = ContinuousClock.now + .seconds(30)
            while try await other.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1).first?.status == .running {
                #expect(ContinuousClock.now < deadline, "the runner noticed the task")
                guard ContinuousClock.now < deadline else { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            group.cancelAll()
        }
        #expect(try await other.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1).first?.messagesMoved == 3)
        #expect(try await other.storedMessages(inQueue: "source").map(\.body).sorted() == ["a", "b", "c"])
    }

    @Test("two advancers of one task keep to its rate together and move each message once")
    func twoAdvancers() async throws {
        let fixture = try StoreFixture()
        let dlq = try await fixture.createQueue("dlq")
        try await fixture.createQueue("source", [
            "VisibilityTimeout": "10", "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":1}"#,
        ])
        var sent: [String] = []
        for index in 0..<5 { sent.append(try await fixture.send("m\(index)", to: "source").messageId) }
        _ = try await fixture.receive("source")
        fixture.clock.advance(seconds: 10)
        #expect(try await fixture.receive("source").isEmpty)
        let other = try fixture.reopen()
        _ = try await fixture.store.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: nil, maxPerSecond: 2)
        let task = try #require(try await fixture.store.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1).first)
        let taskId = try #require(task.id)
        for step in 0..<12 {
            try await fixture.store.advanceMoveTask(id: taskId)
            let moved = try #require(try await other.advanceMoveTask(id: taskId)).messagesMoved
            // One at once, then two a second: never more, however many advance it.
            #expect(moved == min(5, 1 + step / 2), "after \(step) quarter seconds")
            fixture.clock.advance(seconds: 0.25)
        }
        #expect(try await other.listMessageMoveTasks(sourceArn: dlq.arn, maxResults: 1).first?.status == .completed)
        for messageId in sent {
            #expect(try await other.events(ofMessage: messageId).map(\.kind) == [.deadLettered, .redriven])
        }
        #expect(try await fixture.receive("source").count == 5)
    }
}
