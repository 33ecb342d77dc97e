import Foundation
import Logging
import QueueLab
import QueueStore
import TestSupport
import Testing

/// Each `examples/<name>` scenario run as `queuelab example <name>` runs it (the real runtime with
/// the example's manifest and the `queue-worker` handler, AWS's default rates), checked against
/// the numbers it is meant to show: what was processed, what was dead-lettered with which receive
/// count, and every recorded attempt.
///
/// The examples follow AWS's advice for a queue that triggers a function: a visibility timeout of
/// at least six times the function's timeout (1 s, and 2 s for the out-of-memory one, whose
/// allocation takes most of a second on a busy machine), so an invocation, cold start included,
/// ends long before its messages come back. Only throttle-trap keeps a short one: it is the trap
/// it shows. One at a time (and the mapping suites one at a time beside them, `MappingEndToEnd`).
@Suite("The six dead-letter examples, run end to end", .serialized)
struct ExampleTests {
    typealias Story = ExampleOutcome.MessageStory

    /// Runs the example on a fresh state file, then hands its outcome and the state file (opened
    /// again once the runtime has stopped) to `check`.
    static func run(_ name: String, check: (ExampleOutcome, QueueStore) async throws -> Void) async throws {
        try await run(name) { outcome, store, _ in try await check(outcome, store) }
    }

    /// As `run(_:check:)`, handing `check` the state file's path too.
    static func run(_ name: String, check: (ExampleOutcome, QueueStore, _ statePath: String) async throws -> Void) async throws {
        let stateDirectory = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: stateDirectory) }
        var configuration = RuntimeConfiguration(executableSearchPaths: [TestPaths.productsDirectory])
        configuration.pythonExecutable = TestPaths.python
        var logger = Logger(label: "example-test")
        logger.logLevel = .warning
        let runner = ExampleRunner(
            directory: TestPaths.packageRoot + "/examples/" + name, stateDirectory: stateDirectory, configuration: configuration,
            logger: logger)
        let outcome = try await runner.run()
        try await check(outcome, try QueueStore(path: runner.configuration.statePath), runner.configuration.statePath)
    }

    static func expectQueue(
        _ outcome: ExampleOutcome, _ name: String, sent: Int, processed: Int, deadLettered: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let queue = outcome.queues.first { $0.name == name }
        #expect(queue?.sent == sent, sourceLocation: sourceLocation)
        #expect(queue?.processed == processed, "\(outcome.text)", sourceLocation: sourceLocation)
        #expect(queue?.deadLettered == deadLettered, "\(outcome.text)", sourceLocation: sourceLocation)
    }

    static func function(_ outcome: ExampleOutcome, _ name: String) throws -> ExampleOutcome.FunctionResult {
        try #require(outcome.functions.first { $0.name == name })
    }

    static func story(_ outcome: ExampleOutcome, body: String) throws -> Story {
        try #require(outcome.messages.first { $0.body == body })
    }

    static func outcomes(_ story: Story) -> [DeliveryOutcome] {
        story.history.map(\.attempt.outcome)
    }

    /// The dead-letter queue holds exactly the messages the outcome calls dead-lettered, each with
    /// its body, `receiveCount` receives (maxReceiveCount), its source queue, and the last attempt
    /// that carried it as the one that pushed it over; the source queue is empty.
    static func expectDeadLetters(
        _ outcome: ExampleOutcome, store: QueueStore, from queue: String, to deadLetterQueue: String, receiveCount: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let stories = outcome.messages.filter { $0.fate == .deadLettered(queue: deadLetterQueue) }
        let stored = try await store.storedMessages(inQueue: deadLetterQueue)
        #expect(stored.map(\.messageId).sorted() == stories.map(\.messageId).sorted(), sourceLocation: sourceLocation)
        for message in stored {
            let story = stories.first { $0.messageId == message.messageId }
            #expect(message.body == story?.body, sourceLocation: sourceLocation)
            #expect(message.receiveCount == receiveCount, "\(message.body)", sourceLocation: sourceLocation)
            #expect(message.deadLetterMove?.sourceQueueARN == "arn:aws:sqs:us-east-1:000000000000:" + queue, sourceLocation: sourceLocation)
            #expect(message.deadLetterMove?.attemptId != nil, sourceLocation: sourceLocation)
            #expect(message.deadLetterMove?.attemptId == story?.history.last?.attempt.id, sourceLocation: sourceLocation)
        }
        #expect(try await store.storedMessages(inQueue: queue).isEmpty, sourceLocation: sourceLocation)
    }

    @Test("poison-message: each good order runs once; the poison one fails on all 3 receives and moves to orders-dlq")
    func poisonMessage() async throws {
        try await Self.run("poison-message") { outcome, store in
            Self.expectQueue(outcome, "orders", sent: 5, processed: 4, deadLettered: 1)
            let worker = try Self.function(outcome, "worker")
            #expect(worker.attempts == [.succeeded: 4, .functionError: 3], "\(outcome.text)")
            #expect(worker.throttles == 0)
            for story in outcome.messages where story.body == "ok" {
                #expect(story.fate == .processed)
                #expect(Self.outcomes(story) == [.succeeded])
            }
            let poison = try Self.story(outcome, body: "fail")
            #expect(poison.fate == .deadLettered(queue: "orders-dlq"))
            #expect(Self.outcomes(poison) == [.functionError, .functionError, .functionError])
            for (attempt, status) in poison.history {
                #expect(status == .inBatch)
                #expect(attempt.batchSize == 1)
                #expect(attempt.errorType == "WorkerFailure")
                #expect(attempt.errorMessage == "the message asked to fail")
            }
            try await Self.expectDeadLetters(outcome, store: store, from: "orders", to: "orders-dlq", receiveCount: 3)
        }
    }

    @Test("handler-timeout: the hanging job times out on both of its receives (Sandbox.Timedout) and moves to jobs-dlq")
    func handlerTimeout() async throws {
        try await Self.run("handler-timeout") { outcome, store in
            Self.expectQueue(outcome, "jobs", sent: 3, processed: 2, deadLettered: 1)
            #expect(try Self.function(outcome, "worker").attempts == [.succeeded: 2, .timedOut: 2], "\(outcome.text)")
            let hang = try Self.story(outcome, body: "hang")
            #expect(hang.fate == .deadLettered(queue: "jobs-dlq"))
            #expect(Self.outcomes(hang) == [.timedOut, .timedOut])
            #expect(hang.history.allSatisfy { $0.attempt.errorType == "Sandbox.Timedout" })
            for story in outcome.messages where story.body == "ok" {
                #expect(Self.outcomes(story) == [.succeeded])
            }
            try await Self.expectDeadLetters(outcome, store: store, from: "jobs", to: "jobs-dlq", receiveCount: 2)
        }
    }

    @Test("out-of-memory: the 512 MB job is killed at 128 MB (Runtime.OutOfMemory) on both receives and moves to images-dlq")
    func outOfMemory() async throws {
        try await Self.run("out-of-memory") { outcome, store in
            Self.expectQueue(outcome, "images", sent: 3, processed: 2, deadLettered: 1)
            #expect(try Self.function(outcome, "worker").attempts == [.succeeded: 2, .outOfMemory: 2], "\(outcome.text)")
            let hog = try Self.story(outcome, body: "oom 512")
            #expect(hog.fate == .deadLettered(queue: "images-dlq"))
            #expect(Self.outcomes(hog) == [.outOfMemory, .outOfMemory])
            #expect(hog.history.allSatisfy { $0.attempt.errorType == "Runtime.OutOfMemory" })
            try await Self.expectDeadLetters(outcome, store: store, from: "images", to: "images-dlq", receiveCount: 2)
        }
    }

    @Test("partial-batch-failures: one batch of ten; the seven good ones are deleted, the three listed come back together, fail again and move to contacts-dlq")
    func partialBatchFailures() async throws {
        try await Self.run("partial-batch-failures") { outcome, store in
            Self.expectQueue(outcome, "contacts", sent: 10, processed: 7, deadLettered: 3)
            #expect(try Self.function(outcome, "worker").attempts == [.batchItemFailures: 2], "\(outcome.text)")
            let attempts = outcome.attempts
            #expect(attempts.map(\.batchSize) == [10, 3])
            let (first, second) = (try #require(attempts.first?.id), try #require(attempts.last?.id))
            for story in outcome.messages {
                if story.body == "fail" {
                    #expect(story.fate == .deadLettered(queue: "contacts-dlq"))
                    #expect(story.history.map(\.attempt.id) == [first, second])
                    #expect(story.history.map(\.status) == [.reportedFailed, .reportedFailed])
                } else {
                    #expect(story.fate == .processed)
                    #expect(story.history.map(\.attempt.id) == [first])
                    #expect(story.history.map(\.status) == [.inBatch])
                }
            }
            try await Self.expectDeadLetters(outcome, store: store, from: "contacts", to: "contacts-dlq", receiveCount: 2)
        }
    }

    @Test("fifo-held-back: account b runs in order; a-3 runs only after a-2 has failed twice and moved to ledger-dlq.fifo")
    func fifoHeldBack() async throws {
        try await Self.run("fifo-held-back") { outcome, store in
            Self.expectQueue(outcome, "ledger.fifo", sent: 6, processed: 5, deadLettered: 1)
            #expect(try Self.function(outcome, "worker").attempts == [.succeeded: 5, .functionError: 2], "\(outcome.text)")
            let failing = try Self.story(outcome, body: "fail a-2")
            #expect(failing.fate == .deadLettered(queue: "ledger-dlq.fifo"))
            #expect(Self.outcomes(failing) == [.functionError, .functionError])
            func attemptIds(_ bodies: [String]) throws -> [Int64] {
                try bodies.flatMap { try Self.story(outcome, body: $0).history.compactMap(\.attempt.id) }
            }
            // Attempt ids grow in the order attempts were received.
            let accountA = try attemptIds(["ok a-1", "fail a-2", "ok a-3"])
            #expect(accountA.count == 4 && accountA == accountA.sorted(), "\(outcome.text)")
            let accountB = try attemptIds(["ok b-1", "ok b-2", "ok b-3"])
            #expect(accountB.count == 3 && accountB == accountB.sorted(), "\(outcome.text)")
            let movedAt = try #require(try await store.storedMessages(inQueue: "ledger-dlq.fifo").first?.deadLetterMove?.movedAt)
            let thirdOfA = try #require(try Self.story(outcome, body: "ok a-3").history.first?.attempt)
            #expect(thirdOfA.receivedAt >= movedAt, "a-3 is received only once a-2 is out of the way")
            try await Self.expectDeadLetters(outcome, store: store, from: "ledger.fifo", to: "ledger-dlq.fifo", receiveCount: 2)
        }
    }

    /// Its numbers vary with timing (how many batches the extra pollers get throttled), so this
    /// checks what always holds; `ThrottleTrapTests` pins the trap down with held messages.
    @Test("throttle-trap: 'fixed' never throttles and processes all 20; every dead letter of 'trapped' was only ever throttled")
    func throttleTrap() async throws {
        try await Self.run("throttle-trap") { outcome, store in
            Self.expectQueue(outcome, "fixed", sent: 20, processed: 20, deadLettered: 0)
            let fixed = try Self.function(outcome, "fixed")
            #expect(fixed.throttles == 0, "\(outcome.text)")
            #expect(fixed.attempts == [.succeeded: 20], "\(outcome.text)")
            let trapped = try #require(outcome.queues.first { $0.name == "trapped" })
            #expect(trapped.processed + trapped.deadLettered == 20)
            for story in outcome.messages where story.queue == "trapped" {
                switch story.fate {
                case .deadLettered:
                    #expect(Self.outcomes(story) == [.throttled, .throttled], "never run, and one receive per visibility timeout")
                    #expect(story.history.allSatisfy { $0.attempt.throttles >= 1 && $0.attempt.requestId == nil })
                case .processed:
                    #expect(Self.outcomes(story).last == .succeeded)
                    #expect(Self.outcomes(story).dropLast().allSatisfy { $0 == .throttled })
                }
            }
            #expect(try Self.function(outcome, "trapped").attempts[.succeeded] == trapped.processed)
            try await Self.expectDeadLetters(outcome, store: store, from: "trapped", to: "trapped-dlq", receiveCount: 2)
            try await Self.expectDeadLetters(outcome, store: store, from: "fixed", to: "fixed-dlq", receiveCount: 2)
        }
    }
}
