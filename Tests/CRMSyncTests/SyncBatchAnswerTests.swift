import CRMSync
import Testing

@Suite("How the worker answers a batch")
struct SyncBatchAnswerTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @Test("some failed: those messages are batch item failures")
    func someFailed() {
        guard case .failedMessages(let ids) = SyncBatchAnswer(batchSize: 3, failures: [("m2", Failure(description: "bad"))]) else {
            Issue.record("expected batch item failures")
            return
        }
        #expect(ids == ["m2"])
    }

    @Test("none failed: an empty list")
    func noneFailed() {
        guard case .failedMessages(let ids) = SyncBatchAnswer(batchSize: 2, failures: []) else {
            Issue.record("expected batch item failures")
            return
        }
        #expect(ids.isEmpty)
    }

    @Test("the only message failed: the invocation fails with its own error")
    func onlyMessageFailed() {
        guard case .failure(let error) = SyncBatchAnswer(batchSize: 1, failures: [("m1", Failure(description: "bad phone"))]) else {
            Issue.record("expected a failure")
            return
        }
        #expect((error as? Failure)?.description == "bad phone")
    }

    @Test("every message failed: one error naming each")
    func allFailed() {
        let answer = SyncBatchAnswer(batchSize: 2, failures: [("m1", Failure(description: "a")), ("m2", Failure(description: "b"))])
        guard case .failure(let error) = answer else {
            Issue.record("expected a failure")
            return
        }
        #expect("\(error)" == "m1: a; m2: b")
    }
}
