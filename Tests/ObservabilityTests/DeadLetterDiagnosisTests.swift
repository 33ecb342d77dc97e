import FunctionHost
import QueueStore
import Testing

@testable import Observability

/// Each way a message dies, diagnosed from its last life's attempts and the run's configuration.
@Suite struct DeadLetterDiagnosisTests {
    static func attempt(
        _ outcome: MessageAttempt.Outcome, _ error: MessageAttempt.Failure? = nil, recorded: DeliveryOutcome? = nil,
        throttleReason: ThrottleReason? = nil
    ) -> MessageAttempt {
        MessageAttempt(
            attemptId: 1, life: 1, receivedAt: 0, function: "worker", mappingId: "mapping", requestId: outcome == .throttled ? nil : "request",
            outcome: outcome, recordedOutcome: recorded ?? DeliveryOutcome(rawValue: outcome.rawValue) ?? .functionError, error: error,
            throttles: outcome == .throttled ? 3 : 0, throttleReason: throttleReason)
    }

    static let badPhone = MessageAttempt.Failure(type: "ValueError", message: "bad phone")
    static let throttledError = MessageAttempt.Failure(
        type: "TooManyRequestsException",
        message: "Rate Exceeded. (ReservedFunctionConcurrentInvocationLimitExceeded); the messages return after the visibility timeout")

    static func diagnose(_ attempts: [MessageAttempt], _ configuration: DeadLetterDiagnosis.Configuration = .init()) -> DeadLetterDiagnosis {
        DeadLetterDiagnosis(attempts: attempts, receiveCount: attempts.count, configuration: configuration)
    }

    static func throttled(_ count: Int, reason: ThrottleReason = .reservedFunctionConcurrentInvocationLimitExceeded) -> [MessageAttempt] {
        Array(repeating: attempt(.throttled, throttledError, throttleReason: reason), count: count)
    }

    @Test func neverRanWithoutMaximumConcurrency() {
        let diagnosis = Self.diagnose(Self.throttled(5), .init(reservedConcurrency: 5, batchSize: 10))
        #expect(diagnosis == DeadLetterDiagnosis(
            kind: .neverRan, summary: "never ran: all 5 receives were throttled; set maximumConcurrency ≤ reserved concurrency (5)"))
    }

    @Test func neverRanWithMaximumConcurrencyAboveReserved() {
        let diagnosis = Self.diagnose(Self.throttled(1), .init(reservedConcurrency: 2, maximumConcurrency: 10))
        #expect(diagnosis.summary == "never ran: its only receive was throttled; set maximumConcurrency (now 10) ≤ reserved concurrency (2)")
    }

    @Test func neverRanAlthoughMaximumConcurrencyFits() {
        let diagnosis = Self.diagnose(Self.throttled(2), .init(reservedConcurrency: 2, maximumConcurrency: 2))
        #expect(diagnosis.kind == .neverRan)
        #expect(diagnosis.summary == """
            never ran: all 2 receives were throttled although maximumConcurrency (2) ≤ reserved concurrency (2): \
            other invocations of the function held its concurrency
            """)
    }

    @Test func neverRanOnTheUnreservedPool() {
        let diagnosis = Self.diagnose(Self.throttled(3, reason: .concurrentInvocationLimitExceeded), .init())
        #expect(diagnosis.summary == """
            never ran: all 3 receives were throttled (ConcurrentInvocationLimitExceeded): the account's unreserved \
            concurrency was in use; reserve concurrency for the function and set maximumConcurrency ≤ it
            """)
    }

    @Test func failedTheSameWay() {
        let diagnosis = Self.diagnose(Array(repeating: Self.attempt(.functionError, Self.badPhone), count: 5))
        #expect(diagnosis == DeadLetterDiagnosis(kind: .sameFailure, summary: "failed the same way 5 times: ValueError: bad phone"))
        #expect(Self.diagnose([Self.attempt(.functionError, Self.badPhone)]).summary == "failed on its only receive: ValueError: bad phone")
    }

    @Test func timedOutEveryTime() {
        let timedOut = Self.attempt(.timedOut, .init(type: "Sandbox.Timedout", message: "RequestId: r1 Error: Task timed out after 3.00 seconds"))
        let batches = Self.diagnose([timedOut, timedOut], .init(batchSize: 10, timeout: 3))
        #expect(batches == DeadLetterDiagnosis(
            kind: .timedOut, summary: "timed out every time (2 ×) after 3.00 s: raise the function's timeout (3 s) or lower the batch size (10)"))
        #expect(Self.diagnose([timedOut], .init(batchSize: 1, timeout: 3)).summary
            == "timed out on its only receive after 3.00 s: raise the function's timeout (3 s)")
    }

    @Test func outOfMemoryEveryTime() {
        let killed = Self.attempt(.outOfMemory, .init(type: "Runtime.OutOfMemory", message: "RequestId: r Error: Runtime exited with error: signal: killed"))
        let diagnosis = Self.diagnose([killed, killed], .init(batchSize: 5, memorySize: 128))
        #expect(diagnosis == DeadLetterDiagnosis(
            kind: .outOfMemory, summary: "ran out of memory every time (2 ×): raise the function's memory size (128 MB) or lower the batch size (5)"))
    }

    @Test("crashes read the same whatever request they were in")
    func crashedEveryTime() {
        let crashes = ["r1", "r2", "r3"].map {
            Self.attempt(.crashed, .init(type: "Runtime.ExitError", message: "RequestId: \($0) Error: Runtime exited with error: signal: segmentation fault"))
        }
        #expect(Self.diagnose(crashes) == DeadLetterDiagnosis(
            kind: .crashed,
            summary: "crashed every time (3 ×): Runtime.ExitError: Runtime exited with error: signal: segmentation fault; the function's log has its last words"))
    }

    @Test func invalidResponseEveryTime() {
        let invalid = Self.attempt(
            .invalidResponse, .init(type: "ReportBatchItemFailures.InvalidResponse", message: "itemIdentifier is not in the batch"))
        #expect(Self.diagnose([invalid, invalid]) == DeadLetterDiagnosis(
            kind: .invalidResponse,
            summary: "returned an invalid response every time (2 ×): ReportBatchItemFailures.InvalidResponse: itemIdentifier is not in the batch"))
    }

    @Test func mixedFailures() {
        let timedOut = Self.attempt(.timedOut, .init(type: "Sandbox.Timedout", message: "Task timed out after 3.00 seconds"))
        let failure = Self.attempt(.functionError, Self.badPhone)
        let diagnosis = Self.diagnose([timedOut, failure, failure, timedOut, failure])
        #expect(diagnosis == DeadLetterDiagnosis(kind: .mixed, summary: "failed 5 times: 3 × ValueError: bad phone, 2 × timed out"))
        #expect(Self.diagnose([timedOut, failure]).summary == "failed 2 times: 1 × timed out, 1 × ValueError: bad phone", "ties in order of appearance")
    }

    @Test func reportedInBatchItemFailuresEveryTime() {
        let reported = Self.attempt(.functionError, MessageAttempt.batchItemFailure, recorded: .batchItemFailures)
        #expect(Self.diagnose([reported, reported]) == DeadLetterDiagnosis(
            kind: .reportedFailed, summary: "reported in batchItemFailures every time (2 ×): the function listed it as failed; its log says why"))
    }

    @Test func filteredEveryTime() {
        let filtered = Self.attempt(.filtered)
        #expect(Self.diagnose([filtered, filtered]) == DeadLetterDiagnosis(
            kind: .filtered, summary: "filtered out every time (2 ×): it matched none of the mapping's filter patterns"))
    }

    @Test func receivedOnlyByOtherConsumers() {
        let diagnosis = DeadLetterDiagnosis(attempts: [], receiveCount: 3, configuration: .init())
        #expect(diagnosis == DeadLetterDiagnosis(
            kind: .notDelivered, summary: "no event source mapping received it: its 3 receives came from other consumers, which did not delete it"))
    }
}
