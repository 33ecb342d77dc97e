@testable import EventSourceMapping
@testable import FunctionHost
import QueueStore
import Testing

@Suite("What an invocation's result does to its batch")
struct BatchVerdictTests {
    static let batch = ["m1", "m2", "m3"]

    static func verdict(_ response: String, outcome: InvocationResult.Outcome = .succeeded, reports: Bool = true) -> BatchVerdict {
        BatchVerdict(
            InvocationResult(requestID: "request", outcome: outcome, payload: Array(response.utf8)), messageIds: batch,
            reportsBatchItemFailures: reports)
    }

    @Test("without ReportBatchItemFailures a success deletes the whole batch, whatever the response says")
    func plainSuccess() {
        let verdict = Self.verdict(#"{"batchItemFailures": [{"itemIdentifier": "m1"}]}"#, reports: false)
        #expect(verdict == BatchVerdict(outcome: .succeeded, kept: []))
    }

    @Test("an error, timeout, out-of-memory, crash or init failure keeps the whole batch, with the error document")
    func failures() {
        let document = #"{"errorType": "Sandbox.Timedout", "errorMessage": "Task timed out after 1.00 seconds"}"#
        let cases: [(InvocationResult.Outcome, DeliveryOutcome)] = [
            (.functionError, .functionError), (.timedOut, .timedOut), (.outOfMemory, .outOfMemory),
            (.runtimeExited, .crashed), (.initFailed, .initFailed), (.invalidResponse, .invalidResponse),
        ]
        for (outcome, expected) in cases {
            let verdict = Self.verdict(document, outcome: outcome)
            #expect(verdict.outcome == expected)
            #expect(verdict.kept == Set(Self.batch))
            #expect(verdict.errorType == "Sandbox.Timedout")
            #expect(verdict.errorMessage == "Task timed out after 1.00 seconds")
        }
    }

    @Test("complete successes: empty or null list, empty or null response, an object without the key",
          arguments: ["", "  ", "null", "{}", #"{"batchItemFailures": []}"#, #"{"batchItemFailures": null}"#, #"{"other": 1}"#])
    func completeSuccess(response: String) {
        #expect(Self.verdict(response) == BatchVerdict(outcome: .succeeded, kept: []))
    }

    @Test("listed messages stay, the rest are deleted")
    func partial() {
        let verdict = Self.verdict(#"{"batchItemFailures": [{"itemIdentifier": "m2"}, {"itemIdentifier": "m3", "extra": true}]}"#)
        #expect(verdict == BatchVerdict(outcome: .batchItemFailures, kept: ["m2", "m3"]))
    }

    @Test("every malformed response fails the whole batch and says why", arguments: [
        ("not json", "the response is not valid JSON"),
        (#""m1""#, "the response is a string, not an object with batchItemFailures"),
        (#"[{"itemIdentifier": "m1"}]"#, "the response is a list"),
        (#"{"batchItemFailures": {"itemIdentifier": "m1"}}"#, "batchItemFailures is an object, not a list"),
        (#"{"batchItemFailures": ["m1"]}"#, "batchItemFailures[0] is a string, not an object"),
        (#"{"batchItemFailures": [{"itemIdentifier": ""}]}"#, "batchItemFailures[0].itemIdentifier is empty"),
        (#"{"batchItemFailures": [{"itemIdentifier": null}]}"#, "batchItemFailures[0].itemIdentifier is null"),
        (#"{"batchItemFailures": [{"itemId": "m1"}]}"#, "batchItemFailures[0] has no itemIdentifier (keys: itemId)"),
        (#"{"batchItemFailures": [{"itemIdentifier": "m1"}, {"itemIdentifier": "m9"}]}"#, #"batchItemFailures[1].itemIdentifier "m9" is not a message of this batch"#),
        (#"{"batchItemFailures": [{"itemIdentifier": 7}]}"#, "batchItemFailures[0].itemIdentifier is a number, not a message id"),
    ])
    func malformed(response: String, reason: String) {
        let verdict = Self.verdict(response)
        #expect(verdict.outcome == .invalidResponse)
        #expect(verdict.kept == Set(Self.batch))
        #expect(verdict.errorType == "ReportBatchItemFailures.InvalidResponse")
        #expect(verdict.errorMessage?.hasPrefix(reason) == true, "\(verdict.errorMessage ?? "nil")")
    }
}
