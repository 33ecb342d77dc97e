import Foundation
import QueueStore
import Testing

@testable import Observability

/// A message's recorded attempts and moves, as forensics reads them: each attempt's outcome for
/// this message, the split into lives, the text and the JSON.
@Suite struct MessageHistoryTests {
    static func recorded(
        _ id: Int64, _ outcome: DeliveryOutcome, at receivedAt: Int64, messages: [String] = ["m"], failed: [String]? = nil,
        errorType: String? = nil, errorMessage: String? = nil, throttles: Int = 0
    ) -> DeliveryAttempt {
        var attempt = DeliveryAttempt(
            functionName: "worker", mappingId: "0123456789abcdef", queueName: "jobs", receivedAt: receivedAt, batchSize: messages.count,
            outcome: outcome)
        attempt.id = id
        attempt.messageIds = messages
        attempt.failedMessageIds = failed
        attempt.errorType = errorType
        attempt.errorMessage = errorMessage
        attempt.throttles = throttles
        return attempt
    }

    @Test("the store's outcomes map to the eight of forensics, with the message's part in the batch")
    func outcomes() {
        let failedTwice = Self.recorded(1, .batchItemFailures, at: 0, messages: ["m", "n"], failed: ["m"])
        #expect(MessageAttempt(failedTwice, status: failedTwice.status(of: "m"), life: 1, functionTimeout: nil).outcome == .functionError)
        #expect(MessageAttempt(failedTwice, status: failedTwice.status(of: "m"), life: 1, functionTimeout: nil).error == MessageAttempt.batchItemFailure)
        #expect(MessageAttempt(failedTwice, status: failedTwice.status(of: "n"), life: 1, functionTimeout: nil).outcome == .succeeded)
        let interrupted = Self.recorded(2, .interrupted, at: 0)
        #expect(MessageAttempt(interrupted, status: .inBatch, life: 1, functionTimeout: nil).error == MessageAttempt.interrupted)
        #expect(MessageAttempt(Self.recorded(3, .initFailed, at: 0), status: .inBatch, life: 1, functionTimeout: nil).outcome == .crashed)
        let throttled = Self.recorded(
            4, .throttled, at: 0, errorType: "TooManyRequestsException",
            errorMessage: "Rate Exceeded. (ConcurrentInvocationLimitExceeded); the messages return after the visibility timeout", throttles: 4)
        let attempt = MessageAttempt(throttled, status: .inBatch, life: 1, functionTimeout: 30)
        #expect(attempt.outcome == .throttled)
        #expect(attempt.throttleReason == .concurrentInvocationLimitExceeded)
        #expect(DeadLetterText.outcome(attempt) == "throttled: ConcurrentInvocationLimitExceeded (4 ×)")
        for outcome in DeliveryOutcome.allCases {
            let mapped = MessageAttempt(Self.recorded(5, outcome, at: 0), status: .inBatch, life: 1, functionTimeout: nil).outcome
            #expect(MessageAttempt.Outcome.allCases.contains(mapped))
        }
    }

    @Test("a timed-out attempt reads with the function's timeout")
    func timedOutText() {
        let timedOut = Self.recorded(1, .timedOut, at: 0, errorType: "Sandbox.Timedout", errorMessage: "RequestId: r Error: Task timed out after 3.00 seconds")
        #expect(DeadLetterText.outcome(MessageAttempt(timedOut, status: .inBatch, life: 1, functionTimeout: 3)) == "timed out after 3.00 s")
    }

    @Test("dead-letter moves and redrives split the attempts into lives, by the last attempt each move names")
    func lives() {
        let attempts = [
            Self.recorded(3, .functionError, at: 1_000), Self.recorded(7, .functionError, at: 3_000),
            Self.recorded(12, .functionError, at: 9_000), Self.recorded(15, .functionError, at: 9_000),
        ].map { (attempt: $0, status: DeliveredMessageStatus.inBatch) }
        let events = [
            MessageEvent(messageId: "m", kind: .deadLettered, at: 5_000, fromQueue: "jobs", toQueue: "jobs-dlq", attemptId: 7),
            MessageEvent(messageId: "m", kind: .redriven, at: 9_000, fromQueue: "jobs-dlq", toQueue: "jobs", attemptId: nil),
            MessageEvent(messageId: "m", kind: .deadLettered, at: 12_000, fromQueue: "jobs", toQueue: "jobs-dlq", attemptId: 15),
        ]
        let lives = MessageLife.lives(attempts: attempts, events: events) { _ in 30 }
        #expect(lives.map(\.index) == [1, 2])
        #expect(lives.map { $0.attempts.map(\.attemptId) } == [[3, 7], [12, 15]])
        #expect(lives.map { $0.attempts.map(\.life) } == [[1, 1], [2, 2]])
        #expect(lives[0].redriven == nil)
        #expect(lives[1].redriven == MessageLife.Move(at: 9_000, from: "jobs-dlq", to: "jobs"))
        #expect(lives.map(\.deadLettered?.at) == [5_000, 12_000])
        #expect(lives[1].attempts.allSatisfy { $0.functionTimeout == 30 })
    }

    @Test("a life in which no mapping received the message has no attempts")
    func lifeWithoutAttempts() {
        let attempts = [(attempt: Self.recorded(3, .functionError, at: 1_000), status: DeliveredMessageStatus.inBatch)]
        let events = [
            MessageEvent(messageId: "m", kind: .deadLettered, at: 5_000, fromQueue: "jobs", toQueue: "jobs-dlq", attemptId: 3),
            MessageEvent(messageId: "m", kind: .redriven, at: 9_000, fromQueue: "jobs-dlq", toQueue: "jobs", attemptId: nil),
            // The message row's last attempt outlives a redrive: the second move names the first life's.
            MessageEvent(messageId: "m", kind: .deadLettered, at: 12_000, fromQueue: "jobs", toQueue: "jobs-dlq", attemptId: 3),
        ]
        let lives = MessageLife.lives(attempts: attempts, events: events) { _ in nil }
        #expect(lives.map(\.attempts.count) == [1, 0])
    }

    @Test("--json: every key present, unknown values null, times in UTC to the millisecond")
    func json() throws {
        let throttled = Self.recorded(4, .throttled, at: 1_764_450_000_007, errorType: "TooManyRequestsException", errorMessage: "Rate Exceeded.")
        let attempt = MessageAttempt(throttled, status: .inBatch, life: 1, functionTimeout: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: ForensicsJSON.encode(attempt)) as? [String: Any])
        #expect(Set(object.keys) == [
            "attemptId", "life", "receivedAt", "function", "mappingId", "requestId", "coldStart", "durationMs", "outcome",
            "recordedOutcome", "error", "throttles", "throttleReason",
        ])
        #expect(object["requestId"] is NSNull && object["durationMs"] is NSNull)
        #expect(object["receivedAt"] as? String == "2025-11-29T21:00:00.007Z")
        #expect(object["outcome"] as? String == "throttled")
        #expect(object["error"] as? [String: String] == ["type": "TooManyRequestsException", "message": "Rate Exceeded."])
    }

    @Test func bodyPreview() {
        #expect(DeadLetterText.preview("ok", width: 10) == "ok")
        #expect(DeadLetterText.preview("{\"a\":\t1}\nsecond line", width: 40) == "{\"a\": 1}…")
        #expect(DeadLetterText.preview(String(repeating: "x", count: 50), width: 10) == String(repeating: "x", count: 9) + "…")
    }
}
