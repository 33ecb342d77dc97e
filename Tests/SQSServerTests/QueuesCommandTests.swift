import TestSupport
import Foundation
import QueueStore
import Testing

/// `queuelab queues` reads the state file, also while the runtime is using it.
@Suite("queuelab queues")
struct QueuesCommandTests {
    @Test func listsCountsAndDeadLetterTargets() async throws {
        let state = TestPaths.temporaryDirectory() + "/state.sqlite"
        try await RunningRuntime.with(statePath: state) { runtime in
            let store = runtime.store
            let dlq = try await store.createQueue(name: "orders-dlq", region: "us-east-1")
            _ = try await store.createQueue(name: "orders", attributes: [
                "RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":3}"#,
            ], region: "us-east-1")
            _ = try await store.send([OutgoingMessage(body: "a"), OutgoingMessage(body: "b"), OutgoingMessage(body: "c", delaySeconds: 60)],
                                     toQueue: "orders", senderId: "test")
            _ = try await store.receive(fromQueue: "orders", ReceiveRequest(maxMessages: 1))
            let output = try await ClientProcess.run(TestPaths.queuelab, ["queues", "--state", state])
            #expect(output.status == 0, "\(output.standardError)")
            let lines = output.standardOutput.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            #expect(lines == [
                "NAME VISIBLE IN FLIGHT DELAYED DLQ TARGET",
                "orders 1 1 1 orders-dlq (after 3)",
                "orders-dlq 0 0 0 -",
            ])
        }
    }

    @Test func aMissingStateFileSaysSoWithoutCreatingOne() async throws {
        let state = TestPaths.temporaryDirectory() + "/state.sqlite"
        let output = try await ClientProcess.run(TestPaths.queuelab, ["queues", "--state", state])
        #expect(output.status != 0)
        #expect(output.standardError.contains(state))
        #expect(!FileManager.default.fileExists(atPath: state))
    }
}
