import Foundation
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// The throttle-to-dead-letter trap pinned down with held messages: which invocations run is
    /// decided by `hold` messages that finish only when the test releases them, never by timing.
    @Suite("The throttle-to-DLQ trap and its fix, deterministically")
    struct ThrottleTrapTests {
        /// `worker` with reserved concurrency 2 on `jobs` (maxReceiveCount 1 into `jobs-dlq`).
        static func manifest(maximumConcurrency: Int?) -> TestManifest {
            var manifest = TestManifest()
            manifest.queue("jobs", visibilityTimeout: 30, deadLetterQueue: "jobs-dlq", maxReceiveCount: 1)
            manifest.queue("jobs-dlq")
            manifest.function(
                "worker", timeout: 30, events: [TestManifest.sqs("jobs", maximumConcurrency: maximumConcurrency)],
                settings: ["reservedConcurrency": 2])
            return manifest
        }

        static let setVisibilityScript = """
            sqs.set_queue_attributes(QueueUrl=queue_url(spec["queue"]), Attributes={"VisibilityTimeout": spec["seconds"]})
            print(json.dumps(sqs.get_queue_attributes(QueueUrl=queue_url(spec["queue"]), AttributeNames=["VisibilityTimeout"])["Attributes"]))
            """

        /// Two held invocations take the reserved concurrency; the queue's visibility timeout is then
        /// lowered to 1 s (SetQueueAttributes, as a user may do after creating the mapping), so the
        /// four messages sent next, each received by one of the mapping's five pollers and throttled
        /// until its visibility timeout ends, come back before the held ones are released.
        @Test("reserved concurrency 2, no maximumConcurrency, maxReceiveCount 1: two run, the other four reach the DLQ with one throttled attempt each and never run")
        func trapped() async throws {
            try await RunningRuntime.with(Self.manifest(maximumConcurrency: nil)) { runtime, workspace in
                let boto3 = Boto3(runtime: runtime)
                let held = try await boto3.send(["hold", "hold"], to: "jobs", inBatches: true)
                try await waitUntil("both held messages running") { try workspace.starts("worker").count == 2 }
                let visibility = try await boto3.run(Self.setVisibilityScript, spec: ["queue": "jobs", "seconds": "1"])
                #expect(visibility as? [String: String] == ["VisibilityTimeout": "1"])
                let trapped = try await boto3.send(["hold", "hold", "hold", "hold"], to: "jobs", inBatches: true)
                let deadLetters = try await eventually("the four trapped messages in jobs-dlq") {
                    let stored = try await runtime.store.storedMessages(inQueue: "jobs-dlq")
                    return stored.count == 4 ? stored : nil
                }
                workspace.release()
                try await runtime.waitUntilEmpty("jobs")

                #expect(Set(try workspace.starts("worker").flatMap(\.messageIds)) == Set(held), "only the held messages ever ran")
                #expect(try workspace.journal("worker").flatMap(\.messageIds).sorted() == held.sorted())
                #expect(deadLetters.map(\.messageId).sorted() == trapped.sorted())
                for message in deadLetters {
                    #expect(message.receiveCount == 1)
                    let history = try await runtime.store.deliveryHistory(ofMessage: message.messageId)
                    #expect(history.count == 1)
                    let attempt = try #require(history.first?.attempt)
                    #expect(attempt.outcome == .throttled)
                    #expect(attempt.throttles >= 1)
                    #expect(attempt.requestId == nil && attempt.durationMicroseconds == nil, "never invoked")
                    #expect(attempt.errorType == "TooManyRequestsException")
                    #expect(attempt.errorMessage?.contains("ReservedFunctionConcurrentInvocationLimitExceeded") == true)
                    #expect(message.deadLetterMove?.attemptId == attempt.id)
                }
                for messageId in held {
                    #expect(try await runtime.store.deliveryHistory(ofMessage: messageId).map(\.attempt.outcome) == [.succeeded])
                }
                try await DeadLetterCommandTests.expectNeverRan(
                    deadLetters.map(\.messageId), queue: "jobs-dlq", state: workspace.statePath, reservedConcurrency: 2)
            }
        }

        /// The same queue and function with maximumConcurrency 2: the mapping runs two pollers, both
        /// busy with held messages, so the rest wait unreceived in the queue.
        @Test("the fix, maximumConcurrency 2 with reserved concurrency 2: nothing is received while both run, no throttles, all processed after release")
        func fixed() async throws {
            try await RunningRuntime.with(Self.manifest(maximumConcurrency: 2)) { runtime, workspace in
                let sent = try await Boto3(runtime: runtime).send(Array(repeating: "hold", count: 6), to: "jobs", inBatches: true)
                try await waitUntil("two held messages running") { try workspace.starts("worker").count == 2 }
                let waiting = try await runtime.store.storedMessages(inQueue: "jobs").filter { $0.receiveCount == 0 }
                #expect(waiting.count == 4, "both pollers are busy: the other four were never received")
                workspace.release()
                try await runtime.waitUntilEmpty("jobs")

                let attempts = try await runtime.store.deliveryAttempts(function: "worker")
                #expect(attempts.map(\.outcome) == Array(repeating: .succeeded, count: 6))
                #expect(attempts.reduce(0) { $0 + $1.throttles } == 0)
                #expect(try await runtime.store.storedMessages(inQueue: "jobs-dlq").isEmpty)
                let journal = try workspace.journal("worker")
                #expect(journal.flatMap(\.messageIds).sorted() == sent.sorted(), "each message processed once")
                #expect(journal.allSatisfy { $0.receiveCounts == ["1"] })
                #expect(WorkerJournal.peakConcurrency(journal) == 2)
            }
        }
    }
}
