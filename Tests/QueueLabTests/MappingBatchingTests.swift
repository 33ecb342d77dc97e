import Foundation
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// Batch size, batching window and Lambda's 6 MB payload cap, through the real mapping and the
    /// worker's journal (one line per invocation, with its messages).
    @Suite("Event source mapping batches")
    struct MappingBatchingTests {
        @Test("batchSize 3: ten messages sent in one SendMessageBatch arrive as invocations of 3, 3, 3 and 1, each message once")
        func batchSize() async throws {
            var manifest = TestManifest()
            manifest.queue("items")
            manifest.function("worker", events: [TestManifest.sqs("items", batchSize: 3)])
            try await RunningRuntime.with(manifest) { runtime, workspace in
                let sent = try await Boto3(runtime: runtime).send((1...10).map { "ok \($0)" }, to: "items", inBatches: true)
                try await runtime.waitUntilEmpty("items")
                let journal = try workspace.journal("worker")
                #expect(journal.map(\.messageIds.count).sorted() == [1, 3, 3, 3])
                #expect(journal.flatMap(\.messageIds).sorted() == sent.sorted())
                let attempts = try await runtime.store.deliveryAttempts(function: "worker")
                #expect(attempts.map(\.batchSize).sorted() == [1, 3, 3, 3])
                #expect(attempts.allSatisfy { $0.outcome == .succeeded })
            }
        }

        /// Sends each message once the previous one was received by the mapping: no message is
        /// visible any more (in flight, or already deleted when a full batch ran at once), so every
        /// message arrives inside the window.
        static let sendOverTimeScript = """
            import time
            for queue in spec["queues"]:
                url = queue_url(queue)
                for index, body in enumerate(spec["bodies"]):
                    sqs.send_message(QueueUrl=url, MessageBody=body)
                    deadline = time.time() + 20
                    while True:
                        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
                        if int(attributes["Attributes"]["ApproximateNumberOfMessages"]) == 0:
                            break
                        assert time.time() < deadline, f"message {index} of {queue} was not received"
                        time.sleep(0.01)
            print("null")
            """

        /// One poller per mapping (initial concurrency 1), so one batch collects what arrives.
        @Test("a 5 s window gathers three messages sent one after another into one invocation; a batch that fills (batchSize 3) does not wait for its 60 s window")
        func batchingWindow() async throws {
            var manifest = TestManifest()
            manifest.queue("gathered")
            manifest.queue("filled", visibilityTimeout: 120)
            manifest.function("gathering", events: [TestManifest.sqs("gathered", batchSize: 10, window: 5)])
            manifest.function("filling", events: [TestManifest.sqs("filled", batchSize: 3, window: 60)])
            try await RunningRuntime.with(manifest, configure: { $0.mappingSettings.rates.initialConcurrency = 1 }) { runtime, workspace in
                let bodies = ["first", "second", "third"]
                _ = try await Boto3(runtime: runtime).run(Self.sendOverTimeScript, spec: ["queues": ["gathered", "filled"], "bodies": bodies])
                try await runtime.waitUntilEmpty("gathered")
                try await runtime.waitUntilEmpty("filled")
                for function in ["gathering", "filling"] {
                    #expect(try workspace.journal(function).map(\.bodies) == [bodies], "\(function): one invocation with all three")
                }
                let gathered = try #require(try await runtime.store.deliveryAttempts(function: "gathering").first)
                let filled = try #require(try await runtime.store.deliveryAttempts(function: "filling").first)
                #expect(gathered.batchSize == 3 && filled.batchSize == 3)
                let gatheredWait = try #require(gathered.invokedAt) - gathered.receivedAt
                #expect(gatheredWait >= 5_000, "the window ran its full 5 s: \(gatheredWait) ms")
                let filledWait = try #require(filled.invokedAt) - filled.receivedAt
                #expect(filledWait < 60_000, "invoked when full, \(filledWait) ms after the first receive")
            }
        }

        /// A held message keeps the only poller busy while ten ~900 KB messages are sent; released,
        /// the poller receives all ten at once. Seven would make an event over 6 MB, so six go in
        /// the first invocation and the other four, already received, open the next batch.
        @Test("the 6 MB cap: ten ~900 KB messages received together are invoked as 6 and 4, each message once, no event over 6 MB")
        func payloadCap() async throws {
            var manifest = TestManifest()
            manifest.queue("large")
            manifest.function("worker", timeout: 30, events: [TestManifest.sqs("large", batchSize: 10, window: 1)])
            try await RunningRuntime.with(manifest, configure: { $0.mappingSettings.rates.initialConcurrency = 1 }) { runtime, workspace in
                let boto3 = Boto3(runtime: runtime)
                try await boto3.send(["hold"], to: "large")
                try await waitUntil("the held message running") { try workspace.starts("worker").count == 1 }
                let bodies = (0..<10).map { index in "ok \(index) " + String(repeating: "x", count: 900_000) }
                let sent = try await boto3.send(bodies, to: "large")
                workspace.release()
                try await runtime.waitUntilEmpty("large")
                let large = try workspace.journal("worker").filter { $0.bodies != ["hold"] }
                #expect(large.map(\.messageIds.count) == [6, 4])
                #expect(large.flatMap(\.messageIds) == sent, "each once, in the order received")
                for entry in large {
                    #expect(entry.bodies.reduce(0) { $0 + $1.utf8.count } < 6 * 1024 * 1024)
                }
                let attempts = try await runtime.store.deliveryAttempts(function: "worker")
                #expect(attempts.map(\.batchSize) == [1, 6, 4])
                #expect(attempts.allSatisfy { $0.outcome == .succeeded })
            }
        }
    }
}
