import Foundation
@testable import QueueStore
import Testing

@Suite("What the store counts and records for reports: queue activity, runs, samples, message events")
struct QueueActivityTests {
    @Test("sends, receives, deletes, dead-letter moves and requests are counted per queue once committed")
    func activityCounters() async throws {
        let fixture = try StoreFixture()
        let dlq = try await fixture.createQueue("dlq")
        try await fixture.createQueue("jobs", [
            "VisibilityTimeout": "10", "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":1}"#,
        ])
        let results = try await fixture.store.send(
            [OutgoingMessage(body: "a"), OutgoingMessage(body: "b"), OutgoingMessage(body: "")], toQueue: "jobs", senderId: "t")
        #expect(results.count { if case .failure = $0 { true } else { false } } == 1, "an empty body is refused")
        let received = try await fixture.receive("jobs")
        #expect(received.count == 2)
        _ = try await fixture.store.deleteMessages(fromQueue: "jobs", receiptHandles: [received[0].receiptHandle])
        // A second delete of the same receipt succeeds, as in SQS, but deletes nothing.
        _ = try await fixture.store.deleteMessages(fromQueue: "jobs", receiptHandles: [received[0].receiptHandle])
        fixture.clock.advance(seconds: 10)
        #expect(try await fixture.receive("jobs").isEmpty, "the other message moves to the DLQ")
        let jobs = fixture.store.queueActivity()["jobs"]
        #expect(jobs == QueueActivity(sent: 2, received: 2, deleted: 1, deadLettered: 1, requests: 5))
        #expect(fixture.store.queueActivity()["dlq"] == nil, "a dead-letter move is not a send")
    }

    @Test("a dead-letter move records an event with the message's last attempt")
    func deadLetterEvent() async throws {
        let fixture = try StoreFixture()
        let dlq = try await fixture.createQueue("dlq")
        try await fixture.createQueue("jobs", [
            "VisibilityTimeout": "10", "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":1}"#,
        ])
        let sent = try await fixture.send("poison", to: "jobs")
        let delivery = try await fixture.store.receive(
            fromQueue: "jobs", ReceiveRequest(maxMessages: 1, waitTimeSeconds: 0), wait: nil,
            recording: .start(DeliverySource(functionName: "worker", mappingId: "m", queueName: "jobs")))
        fixture.clock.advance(seconds: 10)
        #expect(try await fixture.receive("jobs").isEmpty)
        let events = try await fixture.store.events(ofMessage: sent.messageId)
        #expect(events.map(\.kind) == [.deadLettered])
        #expect(events.first?.fromQueue == "jobs" && events.first?.toQueue == "dlq")
        #expect(events.first?.attemptId == delivery.attemptId)
        #expect(events.first?.at == fixture.clock.now())
    }

    @Test("a run records its functions and mappings, samples, and its end")
    func runs() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("jobs")
        let function = RunRecord.Function(name: "worker", memorySize: 512, timeout: 3, reservedConcurrency: 5, provisionedConcurrency: 1)
        let mapping = RunRecord.Mapping(id: "m", queueName: "jobs", functionName: "worker", batchSize: 10, maximumConcurrency: nil)
        let runId = try await fixture.store.startRun(functions: [function], mappings: [mapping])
        fixture.clock.advance(seconds: 1)
        let sample = QueueSample(
            runId: runId, at: fixture.clock.now(), queueName: "jobs", counts: QueueCounts(visible: 3, inFlight: 2, delayed: 1),
            oldestMessageAge: 1500, activity: QueueActivity(sent: 6, received: 2, requests: 3))
        try await fixture.store.recordSamples([sample], ofRun: runId)
        var runs = try await fixture.store.runs()
        #expect(runs.count == 1 && runs[0].functions == [function] && runs[0].mappings == [mapping])
        #expect(runs[0].endedAt == nil && runs[0].lastSampleAt == fixture.clock.now())
        #expect(try await fixture.store.queueSamples(ofRun: runId) == [sample])
        fixture.clock.advance(seconds: 1)
        try await fixture.store.endRun(runId)
        runs = try await fixture.store.runs()
        #expect(runs[0].endedAt == fixture.clock.now())
    }

    @Test("an inspecting open refuses a missing file, a file that is not a state file, and one with no run, and changes none")
    func existing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queuelab-existing-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: StateFileError(.stateFileNotFound, path: directory + "/missing")) {
            _ = try QueueStore.existing(at: directory + "/missing")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/missing"))
        try Data().write(to: URL(fileURLWithPath: directory + "/empty"))
        #expect(throws: StateFileError(.notAStateFile, path: directory + "/empty")) {
            _ = try QueueStore.existing(at: directory + "/empty")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/empty")).isEmpty)
        let unused = directory + "/unused.sqlite"
        _ = try QueueStore(path: unused)
        #expect(throws: StateFileError(.noRunRecorded, path: unused)) { _ = try QueueStore.existing(at: unused) }
        _ = try QueueStore.existing(at: unused, requiringRun: false)
    }
}
