import Foundation
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// Concurrency sampled from the worker's journal (each invocation's start and end): it reaches the
    /// limit while held messages wait, and never goes above it.
    @Suite("Mapping concurrency stays within maximumConcurrency and reserved concurrency")
    struct MappingConcurrencyTests {
        @Test("maximumConcurrency 3 (no reserved concurrency) and reserved concurrency 2 (no maximumConcurrency): peaks of exactly 3 and 2")
        func sampledConcurrency() async throws {
            var manifest = TestManifest()
            manifest.queue("capped")
            // Room beyond the function's timeout, so that throttled batches are offered again.
            manifest.queue("reserved", visibilityTimeout: 90)
            manifest.function("capped", timeout: 30, events: [TestManifest.sqs("capped", maximumConcurrency: 3)])
            manifest.function("reserved", timeout: 15, events: [TestManifest.sqs("reserved")], settings: ["reservedConcurrency": 2])
            try await RunningRuntime.with(manifest) { runtime, workspace in
                let boto3 = Boto3(runtime: runtime)
                let bodies = Array(repeating: "hold", count: 4) + Array(repeating: "sleep 50", count: 6)
                try await boto3.send(["capped", "reserved"].map { Boto3.Sending(queue: $0, bodies: bodies, inBatches: true) })
                try await waitUntil("three capped invocations running") { try workspace.starts("capped").count >= 3 }
                try await waitUntil("two reserved invocations running") { try workspace.starts("reserved").count >= 2 }
                let unreceived = try await runtime.store.storedMessages(inQueue: "capped").filter { $0.receiveCount == 0 }
                #expect(unreceived.count == 7, "three pollers, each busy with one message")
                workspace.release()
                try await runtime.waitUntilEmpty("capped")
                try await runtime.waitUntilEmpty("reserved")
                let capped = try workspace.journal("capped")
                let reserved = try workspace.journal("reserved")
                #expect(WorkerJournal.peakConcurrency(capped) == 3)
                #expect(WorkerJournal.peakConcurrency(reserved) == 2)
                #expect(capped.flatMap(\.messageIds).count == 10 && Set(capped.flatMap(\.messageIds)).count == 10)
                #expect(reserved.flatMap(\.messageIds).count == 10 && Set(reserved.flatMap(\.messageIds)).count == 10)
                #expect(try await runtime.store.deliveryAttempts(function: "capped").allSatisfy { $0.throttles == 0 })
            }
        }
    }
}
