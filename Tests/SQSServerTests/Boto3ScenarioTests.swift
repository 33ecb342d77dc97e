import TestSupport
import Testing

/// Each scenario is a boto3 (or raw HTTP) script under Tests/clients/sqs run against a fresh
/// endpoint; its assertions name what failed.
@Suite("SQS endpoint driven by boto3 and raw Query/JSON requests")
struct Boto3ScenarioTests {
    @Test(arguments: [
        "queues.py", "messages.py", "batches.py", "visibility.py", "long_polling.py", "fifo.py",
        "dead_letters.py", "query_protocol.py", "malformed.py", "errors.py",
        "receive_attributes.py", "move_tasks_query.py",
        "fifo_groups.py", "delivery.py",
    ])
    func scenario(_ script: String) async throws {
        let output = try await RunningRuntime.with { runtime in
            try await ClientProcess.run(TestPaths.python, [TestPaths.sqsClientScript(script), runtime.sqsEndpoint])
        }
        #expect(output.status == 0, "\(script) failed:\n\(output.standardOutput)\n\(output.standardError)")
        #expect(output.standardOutput.hasSuffix("ok\n"))
    }
}
