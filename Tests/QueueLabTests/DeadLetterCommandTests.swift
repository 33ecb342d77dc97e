import Foundation
import QueueLab
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// `queuelab dlq` (the built binary) on state files that real runs left: the history of a
    /// poison message and of one that never ran, redrive with and without a runtime, `--json`, and
    /// bad input.
    @Suite("queuelab dlq: list, show and redrive dead letters")
    struct DeadLetterCommandTests {
        /// `queuelab dlq <arguments> --state <statePath>`, run in the state file's folder.
        static func dlq(_ arguments: [String], state statePath: String) async throws -> ClientProcess.Output {
            try await ClientProcess.run(
                TestPaths.queuelab, ["dlq"] + arguments + ["--state", statePath], in: (statePath as NSString).deletingLastPathComponent)
        }

        /// `dlq <arguments> --json`, parsed.
        static func json(_ arguments: [String], state statePath: String) async throws -> Any {
            let output = try await dlq(arguments + ["--json"], state: statePath)
            #expect(output.status == 0, "\(output.standardError)")
            return try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
        }

        static let deadLetterKeys: Set<String> = ["messageId", "body", "queue", "sourceQueue", "diedAt", "receiveCount", "attempts", "diagnosis"]
        static let attemptKeys: Set<String> = [
            "attemptId", "life", "receivedAt", "function", "mappingId", "requestId", "coldStart", "durationMs", "outcome",
            "recordedOutcome", "error", "throttles", "throttleReason",
        ]

        /// The documented shape of a dead letter in `--json`, with ISO 8601 times.
        static func expectShape(_ deadLetter: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(Self.deadLetterKeys.isSubset(of: deadLetter.keys), "\(deadLetter.keys)", sourceLocation: sourceLocation)
            #expect((deadLetter["diedAt"] as? String).flatMap(Self.date) != nil, sourceLocation: sourceLocation)
            let diagnosis = deadLetter["diagnosis"] as? [String: Any]
            #expect(diagnosis?["kind"] is String && diagnosis?["summary"] is String, sourceLocation: sourceLocation)
            for attempt in deadLetter["attempts"] as? [[String: Any]] ?? [] {
                #expect(Set(attempt.keys) == Self.attemptKeys, sourceLocation: sourceLocation)
                #expect((attempt["receivedAt"] as? String).flatMap(Self.date) != nil, sourceLocation: sourceLocation)
                #expect(attempt["error"] is NSNull || Set((attempt["error"] as? [String: String] ?? [:]).keys) == ["type", "message"],
                        sourceLocation: sourceLocation)
            }
        }

        static func date(_ text: String) -> Date? {
            try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }

        /// What `dlq show` says of dead letters that were never run (the trap, `ThrottleTrapTests`):
        /// only throttled receives, and the fix. Run while the runtime still uses the state file.
        static func expectNeverRan(_ messageIds: [String], queue: String, state statePath: String, reservedConcurrency: Int) async throws {
            for messageId in messageIds {
                let show = try await dlq(["show", queue, messageId], state: statePath)
                #expect(show.status == 0, "\(show.standardError)")
                let lines = show.standardOutput.split(separator: "\n")
                let receives = lines.filter { $0.contains("  worker  ") }
                #expect(receives.count == 1, "\(show.standardOutput)")
                #expect(receives.allSatisfy { $0.contains("  throttled: ReservedFunctionConcurrentInvocationLimitExceeded") }, "\(show.standardOutput)")
                #expect(!show.standardOutput.contains("failed") && !show.standardOutput.contains("succeeded"), "\(show.standardOutput)")
                #expect(lines.last == "Diagnosis: never ran: its only receive was throttled; set maximumConcurrency ≤ reserved concurrency (\(reservedConcurrency))")
                let history = try #require(try await json(["show", queue, messageId], state: statePath) as? [String: Any])
                Self.expectShape(history)
                let attempts = history["attempts"] as? [[String: Any]] ?? []
                #expect(attempts.map { $0["outcome"] as? String } == ["throttled"])
                #expect(attempts.allSatisfy { $0["requestId"] is NSNull && $0["durationMs"] is NSNull })
                #expect(attempts.map { ($0["error"] as? [String: String])?["type"] } == ["TooManyRequestsException"])
                #expect(attempts.map { $0["throttleReason"] as? String } == ["ReservedFunctionConcurrentInvocationLimitExceeded"])
                #expect((history["diagnosis"] as? [String: Any])?["kind"] as? String == "neverRan")
            }
        }

        @Test("poison-message: list and show give each receive with its error, and the diagnosis; --json has the documented shape")
        func poisonMessage() async throws {
            try await ExampleTests.run("poison-message") { outcome, _, statePath in
                let poison = try ExampleTests.story(outcome, body: "fail")
                let list = try await Self.dlq(["list", "orders-dlq"], state: statePath)
                #expect(list.status == 0, "\(list.standardError)")
                let row = try #require(list.standardOutput.split(separator: "\n").first { $0.hasPrefix(poison.messageId) })
                #expect(row.split(separator: " ", omittingEmptySubsequences: true).map(String.init).enumerated()
                    .filter { [1, 2, 5].contains($0.offset) }.map(\.element) == ["fail", "orders", "3"], "\(row)")

                let show = try await Self.dlq(["show", "orders-dlq", poison.messageId], state: statePath)
                #expect(show.status == 0, "\(show.standardError)")
                let lines = show.standardOutput.split(separator: "\n").map(String.init)
                let receives = lines.filter { $0.contains("  worker  ") }
                #expect(receives.count == 3, "\(show.standardOutput)")
                #expect(receives.allSatisfy { $0.hasSuffix("failed: WorkerFailure: the message asked to fail") }, "\(show.standardOutput)")
                for (line, (attempt, _)) in zip(receives, poison.history) {
                    #expect(line.contains(String(try #require(attempt.requestId).prefix(8))))
                }
                #expect(receives.first?.contains(" cold ") == true && receives.dropFirst().allSatisfy { $0.contains(" warm ") })
                #expect(lines.contains { $0.hasPrefix("  died ") && $0.hasSuffix(": moved from orders to orders-dlq after 3 receives") })
                #expect(lines.last == "Diagnosis: failed the same way 3 times: WorkerFailure: the message asked to fail")

                let deadLetters = try #require(try await Self.json(["list", "orders-dlq"], state: statePath) as? [[String: Any]])
                #expect(deadLetters.map { $0["messageId"] as? String } == [poison.messageId])
                let listed = try #require(deadLetters.first)
                Self.expectShape(listed)
                #expect(listed["body"] as? String == "fail")
                #expect(listed["sourceQueue"] as? String == "orders")
                let attempts = listed["attempts"] as? [[String: Any]] ?? []
                #expect(attempts.map { $0["outcome"] as? String } == Array(repeating: "functionError", count: 3))
                #expect(attempts.map { $0["requestId"] as? String } == poison.history.map(\.attempt.requestId))
                #expect(attempts.map { $0["coldStart"] as? Bool } == [true, false, false])
                #expect(attempts.allSatisfy { ($0["durationMs"] as? Double ?? -1) >= 0 && $0["function"] as? String == "worker" })
                #expect(attempts.allSatisfy {
                    $0["error"] as? [String: String] == ["type": "WorkerFailure", "message": "the message asked to fail"]
                })

                let history = try #require(try await Self.json(["show", "orders-dlq", poison.messageId], state: statePath) as? [String: Any])
                Self.expectShape(history)
                let lives = history["lives"] as? [[String: Any]] ?? []
                #expect(lives.count == 1)
                #expect(lives.first?["redriven"] is NSNull)
                #expect((lives.first?["deadLettered"] as? [String: Any])?["to"] as? String == "orders-dlq")
                #expect(lives.first?["receives"] as? Int == 3)
                #expect(history["diagnosis"] as? [String: String] == [
                    "kind": "sameFailure", "summary": "failed the same way 3 times: WorkerFailure: the message asked to fail",
                ])
            }
        }

        /// `jobs` (visibility 1 s, one receive, then `jobs-dlq`) to `worker`, which fails on `fail`.
        static var failingManifest: TestManifest {
            var manifest = TestManifest()
            manifest.queue("jobs-dlq")
            manifest.queue("jobs", visibilityTimeout: 1, deadLetterQueue: "jobs-dlq", maxReceiveCount: 1)
            manifest.function("worker", timeout: 1, events: [TestManifest.sqs("jobs")])
            return manifest
        }

        /// Sends `count` failing messages and waits until all are in jobs-dlq; returns their ids.
        static func deadLetters(_ count: Int, runtime: RunningRuntime) async throws -> [String] {
            var sent: [String] = []
            for _ in 0..<count {
                sent.append(try await runtime.store.send([OutgoingMessage(body: "fail")], toQueue: "jobs", senderId: "test")[0].get().messageId)
            }
            try await waitUntil("\(count) messages in jobs-dlq") { try await runtime.store.storedMessages(inQueue: "jobs-dlq").count == count }
            return sent
        }

        /// The redrive events of `messageIds` keep to `rate` a second from the task's start.
        static func expectRate(_ rate: Int, of messageIds: [String], store: QueueStore, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let dlqArn = try await store.queue(named: "jobs-dlq").arn
            let task = try #require(try await store.listMessageMoveTasks(sourceArn: dlqArn, maxResults: 1).first, sourceLocation: sourceLocation)
            #expect(task.status == .completed && task.messagesMoved == messageIds.count, sourceLocation: sourceLocation)
            var redrivenAt: [Int64] = []
            for messageId in messageIds {
                redrivenAt += try await store.events(ofMessage: messageId).filter { $0.kind == .redriven }.map(\.at)
            }
            #expect(redrivenAt.count == messageIds.count, sourceLocation: sourceLocation)
            // One at once, then `rate` a second: the i-th (from 0) no sooner than i / rate seconds in.
            for (index, at) in redrivenAt.sorted().enumerated() {
                #expect(at - task.startedAt >= Int64(index * 1000 / rate), "move \(index) at \(at - task.startedAt) ms", sourceLocation: sourceLocation)
            }
        }

        @Test("redrive with no runtime on the state file: the command moves them at the rate; when they die again, show gives two lives")
        func redriveWithoutRuntime() async throws {
            let workspace = Workspace()
            defer { workspace.remove() }
            let sent = try await RunningRuntime.with(Self.failingManifest, in: workspace) { runtime, _ in
                try await Self.deadLetters(4, runtime: runtime)
            }
            let redrive = try await Self.dlq(["redrive", "jobs-dlq", "--rate", "2"], state: workspace.statePath)
            #expect(redrive.status == 0, "\(redrive.standardError)")
            let last = try #require(redrive.standardOutput.split(separator: "\n").last)
            #expect(last.hasPrefix("moved 4/4 from jobs-dlq to their source queues (") && last.hasSuffix(": COMPLETED"), "\(redrive.standardOutput)")
            let store = try QueueStore(path: workspace.statePath)
            try await Self.expectRate(2, of: sent, store: store)
            #expect(try await store.storedMessages(inQueue: "jobs").map(\.messageId).sorted() == sent.sorted())

            try await RunningRuntime.with(Self.failingManifest, in: workspace) { runtime, _ in
                try await waitUntil("all four dead again") { try await runtime.store.storedMessages(inQueue: "jobs-dlq").count == 4 }
            }
            let show = try await Self.dlq(["show", "jobs-dlq", sent[0]], state: workspace.statePath)
            #expect(show.status == 0, "\(show.standardError)")
            let lines = show.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0.hasPrefix("Life ") } == ["Life 1", "Life 2"], "\(show.standardOutput)")
            #expect(lines.filter { $0.hasPrefix("  redriven ") && $0.hasSuffix(" to jobs") }.count == 1, "\(show.standardOutput)")
            #expect(lines.filter { $0.hasPrefix("  died ") && $0.hasSuffix(": moved from jobs to jobs-dlq after 1 receive") }.count == 2)
            #expect(lines.filter { $0.hasSuffix("failed: WorkerFailure: the message asked to fail") }.count == 2)
            #expect(lines.last == "Diagnosis: failed on its only receive: WorkerFailure: the message asked to fail")
        }

        @Test("redrive --no-wait while a runtime runs: its runner notices the task another process started and moves them at the rate; they die again, in two lives")
        func redriveWhileRuntimeRuns() async throws {
            try await RunningRuntime.with(Self.failingManifest) { configuration in
                // Pollers wait as long as AWS's: nothing but the store's own noticing wakes them early.
                configuration.mappingSettings.rates.longPollWait = .seconds(20)
            } _: { runtime, workspace in
                let sent = try await Self.deadLetters(3, runtime: runtime)
                let redrive = try await Self.dlq(["redrive", "jobs-dlq", "--rate", "2", "--no-wait"], state: workspace.statePath)
                #expect(redrive.status == 0, "\(redrive.standardError)")
                #expect(redrive.standardOutput.hasPrefix("Started message move task "), "\(redrive.standardOutput)")
                try await waitUntil("each message dead-lettered twice") {
                    var deaths = 0
                    for messageId in sent { deaths += try await runtime.store.events(ofMessage: messageId).filter { $0.kind == .deadLettered }.count }
                    return deaths == 6
                }
                try await Self.expectRate(2, of: sent, store: runtime.store)
                for messageId in sent {
                    let history = try #require(try await Self.json(["show", "jobs-dlq", messageId], state: workspace.statePath) as? [String: Any])
                    Self.expectShape(history)
                    let lives = history["lives"] as? [[String: Any]] ?? []
                    #expect(lives.map { $0["life"] as? Int } == [1, 2])
                    #expect((lives.last?["redriven"] as? [String: Any])?["from"] as? String == "jobs-dlq")
                    #expect(lives.allSatisfy { ($0["deadLettered"] as? [String: Any])?["to"] as? String == "jobs-dlq" })
                    let attempts = history["attempts"] as? [[String: Any]] ?? []
                    #expect(attempts.map { $0["life"] as? Int } == [1, 2])
                    #expect(attempts.map { $0["outcome"] as? String } == ["functionError", "functionError"])
                }
            }
        }

        @Test("an unknown queue or message, a message that is no dead letter, a redrive SQS refuses, and a state file that is missing, not one, or never run: one line on stderr, a non-zero exit, nothing changed")
        func badInput() async throws {
            var manifest = TestManifest()
            manifest.queue("jobs-dlq")
            manifest.queue("jobs", deadLetterQueue: "jobs-dlq", maxReceiveCount: 1)
            let workspace = Workspace()
            defer { workspace.remove() }
            let waiting = try await RunningRuntime.with(manifest, in: workspace) { runtime, _ in
                try await waitUntil("the run recorded") { try await !runtime.store.runs().isEmpty }
                return try await runtime.store.send([OutgoingMessage(body: "waiting")], toQueue: "jobs", senderId: "test")[0].get().messageId
            }
            let missing = workspace.directory + "/missing.sqlite"
            let notState = workspace.directory + "/notes.sqlite"
            try Data("just text".utf8).write(to: URL(fileURLWithPath: notState))
            let unused = workspace.directory + "/unused.sqlite"
            _ = try QueueStore(path: unused)
            let files = [workspace.statePath, notState, unused]
            let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            let state = workspace.statePath
            for (arguments, statePath, message) in [
                (["list", "nope"], state, "No queue named nope in the state file."),
                (["show", "nope", waiting], state, "No queue named nope in the state file."),
                (["show", "jobs-dlq", "not-a-message-id"], state, "No dead letter not-a-message-id in jobs-dlq."),
                (["show", "jobs", waiting], state, "No dead letter \(waiting) in jobs."),
                (["redrive", "nope"], state, "No queue named nope in the state file."),
                (["redrive", "jobs-dlq", "--to", "nope"], state, "No queue named nope in the state file."),
                (["redrive", "jobs"], state, "Source queue must be configured as a Dead Letter Queue."),
                (["redrive", "jobs-dlq", "--rate", "501"], state, "Must be between 1 and 500."),
                (["list", "jobs-dlq"], missing, "No state file at \(missing)"),
                (["show", "jobs-dlq", waiting], notState, "is not a QueueLab state file"),
                (["redrive", "jobs-dlq"], unused, "has no run recorded"),
            ] {
                let output = try await Self.dlq(arguments, state: statePath)
                #expect(output.status != 0, "\(arguments)")
                #expect(output.standardError.contains(message), "\(arguments): \(output.standardError)")
                #expect(output.standardError.split(separator: "\n").count == 1, "\(arguments): \(output.standardError)")
                #expect(output.standardOutput.isEmpty, "\(arguments): \(output.standardOutput)")
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
            #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
            let store = try QueueStore(path: state)
            #expect(try await store.storedMessages(inQueue: "jobs").map(\.messageId) == [waiting])
            #expect(try await store.listMessageMoveTasks(sourceArn: store.queue(named: "jobs-dlq").arn, maxResults: 10).isEmpty)
        }
    }
}
