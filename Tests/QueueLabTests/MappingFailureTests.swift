import Foundation
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// How a batch's outcome settles its messages, through the real Swift worker and its Python twin:
    /// partial batch responses, every malformed response Lambda refuses, and FIFO order under failure.
    @Suite("Event source mapping outcomes")
    struct MappingFailureTests {
        /// A response each `bad-response…` body makes the worker give, and how the attempt records
        /// its refusal. A response that is not JSON is refused by the function host already, as an
        /// invalid runtime response, before the mapping reads it.
        static let malformedResponses: [(body: String, errorType: String, reason: String)] = [
            ("bad-response", "ReportBatchItemFailures.InvalidResponse",
             #"batchItemFailures[0].itemIdentifier "not-a-message-of-this-batch" is not a message of this batch"#),
            ("bad-response-empty", "ReportBatchItemFailures.InvalidResponse", "batchItemFailures[0].itemIdentifier is empty"),
            ("bad-response-null", "ReportBatchItemFailures.InvalidResponse", "batchItemFailures[0].itemIdentifier is null"),
            ("bad-response-key", "ReportBatchItemFailures.InvalidResponse", "batchItemFailures[0] has no itemIdentifier (keys: itemId)"),
            ("bad-response-json", "Runtime.InvalidResponse", "the runtime's response is not valid JSON"),
        ]

        /// One queue per runtime and case, each with its own mapping (ReportBatchItemFailures) to the
        /// Swift `swift` or the Python `python` worker; every queue gets one SendMessageBatch, so one
        /// receive takes it whole and one invocation answers it.
        @Test("ReportBatchItemFailures: a valid response deletes all but the listed messages; an unknown, empty, null or badly keyed itemIdentifier, or a response that is not JSON, keeps the whole batch")
        func partialBatchResponses() async throws {
            let cases = [("valid", "ok")] + Self.malformedResponses.map { ($0.body, $0.body) }
            var manifest = TestManifest()
            var queues: [(queue: String, function: String, lastBody: String)] = []
            for (function, runtime) in [("swift", TestManifest.Runtime.swift), ("python", .python)] {
                var events: [[String: Any]] = []
                for (name, lastBody) in cases {
                    let queue = "\(function)-\(name)"
                    manifest.queue(queue)
                    events.append(TestManifest.sqs(queue, batchSize: 10, reportsItemFailures: true))
                    queues.append((queue, function, lastBody))
                }
                manifest.function(function, runtime: runtime, environment: ["WORKER_REPORTS_ITEM_FAILURES": "true"], events: events)
            }
            try await RunningRuntime.with(manifest) { [queues] runtime, workspace in
                let ids = try await Boto3(runtime: runtime).send(
                    queues.map { Boto3.Sending(queue: $0.queue, bodies: ["ok", "fail", $0.lastBody], inBatches: true) })
                let sent = Dictionary(uniqueKeysWithValues: zip(queues.map(\.queue), ids))
                var seen: [String] = []
                try await waitUntil("one settled attempt per queue; seen: \(seen)") {
                    let attempts = try await runtime.store.deliveryAttempts()
                    seen = attempts.map { "\($0.queueName ?? "-"): \($0.outcome)" }
                    return attempts.count == queues.count && attempts.allSatisfy { $0.outcome != .inProgress }
                }
                for (queue, function, lastBody) in queues {
                    let ids = try #require(sent[queue])
                    let attempts = try await runtime.store.deliveryAttempts(function: function).filter { $0.queueName == queue }
                    let attempt = try #require(attempts.first, "\(queue)")
                    #expect(attempts.count == 1 && attempt.batchSize == 3, "\(queue)")
                    #expect(try workspace.journal(function).filter { $0.messageIds == ids }.count == 1, "\(queue): the handler ran the batch once")
                    let remaining = try await runtime.store.storedMessages(inQueue: queue).map(\.messageId)
                    if let rule = Self.malformedResponses.first(where: { $0.body == lastBody }) {
                        #expect(attempt.outcome == .invalidResponse, "\(queue)")
                        #expect(attempt.errorType == rule.errorType, "\(queue)")
                        #expect(attempt.errorMessage?.contains(rule.reason) == true, "\(queue): \(attempt.errorMessage ?? "no message")")
                        #expect(remaining == ids, "\(queue): nothing deleted")
                    } else {
                        #expect(attempt.outcome == .batchItemFailures, "\(queue)")
                        #expect(remaining == [ids[1]], "\(queue): only the listed message stays")
                        let statuses = try await ids.asyncMap { try await runtime.store.deliveryHistory(ofMessage: $0).map(\.status) }
                        #expect(statuses == [[.inBatch], [.reportedFailed], [.inBatch]], "\(queue)")
                    }
                }
            }
        }

        /// Three message groups on a FIFO queue, one message per batch: SQS hands out a group's next
        /// message only once the previous one is deleted or dead-lettered, so each group's journal
        /// order is fixed whatever the interleaving of groups. At most three batches (one per group)
        /// are in flight, so three provisioned environments run them all.
        @Test("FIFO (Python worker): each group runs in order; a failing message holds its group back until it has failed twice and moved to the DLQ")
        func fifoOrderUnderFailure() async throws {
            var manifest = TestManifest()
            manifest.queue("ledger.fifo", visibilityTimeout: 3, fifo: true, deadLetterQueue: "ledger-dlq.fifo", maxReceiveCount: 2)
            manifest.queue("ledger-dlq.fifo", fifo: true)
            // One warm environment per group: a cold start never eats into the short visibility timeout.
            manifest.function(
                "ledger", runtime: .python, timeout: 3, events: [TestManifest.sqs("ledger.fifo")],
                settings: ["reservedConcurrency": 3, "provisionedConcurrency": 3])
            let groups = [
                "a": ["ok a1", "fail a2", "ok a3", "ok a4"],
                "b": ["ok b1", "ok b2", "ok b3", "ok b4"],
                "c": ["ok c1", "ok c2", "fail c3", "ok c4"],
            ]
            try await RunningRuntime.with(manifest) { runtime, workspace in
                try await Boto3(runtime: runtime).send(groups.sorted { $0.key < $1.key }.map { group, bodies in
                    Boto3.Sending(queue: "ledger.fifo", bodies: bodies, groupId: group, inBatches: true)
                })
                try await runtime.waitUntilEmpty("ledger.fifo")
                let journal = try workspace.journal("ledger")
                #expect(journal.allSatisfy { $0.messageIds.count == 1 })
                func order(_ group: String) -> [String] {
                    journal.filter { $0.groups == [group] }.flatMap { zip($0.bodies, $0.receiveCounts).map { "\($0) #\($1)" } }
                }
                #expect(order("a") == ["ok a1 #1", "fail a2 #1", "fail a2 #2", "ok a3 #1", "ok a4 #1"])
                #expect(order("b") == ["ok b1 #1", "ok b2 #1", "ok b3 #1", "ok b4 #1"])
                #expect(order("c") == ["ok c1 #1", "ok c2 #1", "fail c3 #1", "fail c3 #2", "ok c4 #1"])
                let deadLetters = try await runtime.store.storedMessages(inQueue: "ledger-dlq.fifo")
                #expect(deadLetters.map(\.body).sorted() == ["fail a2", "fail c3"])
                #expect(deadLetters.allSatisfy { $0.receiveCount == 2 })
            }
        }
    }
}
