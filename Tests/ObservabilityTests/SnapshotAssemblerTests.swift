import Foundation
import Observability
import QueueStore
import Testing

@Suite("Snapshots assembled from the store's readings")
struct SnapshotAssemblerTests {
    static func reading(_ queue: QueueRecord, visible: Int, inFlight: Int = 0, oldest: Int64? = nil) -> SnapshotAssembler.QueueReading {
        SnapshotAssembler.QueueReading(queue: queue, counts: QueueCounts(visible: visible, inFlight: inFlight), oldestMessageAge: oldest)
    }

    @Test("rates over the last readings, the DLQ's depth beside its source queue, ages in seconds")
    func queues() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queuelab-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try QueueStore(path: directory + "/state.sqlite")
        let dlq = try await store.createQueue(name: "jobs-dlq", attributes: [:], region: "us-east-1")
        let jobs = try await store.createQueue(
            name: "jobs", attributes: ["RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":2}"#], region: "us-east-1")
        let start = ContinuousClock.now
        var assembler = SnapshotAssembler(startedAt: start)
        _ = assembler.snapshot(
            functions: [], queues: [Self.reading(jobs, visible: 10), Self.reading(dlq, visible: 0)],
            activity: ["jobs": QueueActivity(received: 100, deleted: 50)], now: start, date: Date())
        let snapshot = assembler.snapshot(
            functions: [], queues: [Self.reading(jobs, visible: 4, inFlight: 2, oldest: 1_500), Self.reading(dlq, visible: 3)],
            activity: ["jobs": QueueActivity(received: 140, deleted: 70)], now: start + .seconds(2), date: Date())
        let status = try #require(snapshot.queues.first { $0.name == "jobs" })
        #expect(status.receiveRate == 20 && status.deleteRate == 10)
        #expect(status.deadLetterQueue == "jobs-dlq" && status.deadLetterDepth == 3)
        #expect(status.oldestMessageAge == 1.5)
        #expect(snapshot.uptime == 2)
        #expect(snapshot.queues.first { $0.name == "jobs-dlq" }?.deadLetterQueue == nil)
    }
}
