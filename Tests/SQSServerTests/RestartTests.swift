import TestSupport
import Foundation
import Testing

/// Queues, messages, receive counts and in-flight deadlines survive a restart on the same file:
/// a graceful one in process, and a `kill -9` of the real `queuelab start`.
@Suite("State survives restarts")
struct RestartTests {
    private static func phase(_ name: String, endpoint: String, record: String) async throws {
        let output = try await ClientProcess.run(TestPaths.python, [TestPaths.sqsClientScript("restart.py"), endpoint, name, record])
        #expect(output.status == 0, "restart.py \(name) failed:\n\(output.standardOutput)\n\(output.standardError)")
    }

    @Test func gracefulRestart() async throws {
        let state = TestPaths.temporaryDirectory() + "/state.sqlite"
        let record = state + ".json"
        try await RunningRuntime.with(statePath: state) { runtime in
            let endpoint = runtime.sqsEndpoint
            try await Self.phase("before", endpoint: endpoint, record: record)
        }
        try await RunningRuntime.with(statePath: state) { runtime in
            let endpoint = runtime.sqsEndpoint
            try await Self.phase("after", endpoint: endpoint, record: record)
        }
    }

    @Test func killNineOfTheRunner() async throws {
        let state = TestPaths.temporaryDirectory() + "/state.sqlite"
        let record = state + ".json"
        let directory = (state as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let arguments = ["--state", state, "--sqs-port", "0", "--lambda-port", "0"]
        try await QueueLabProcess.with(arguments, in: directory) { first in
            try await Self.phase("before", endpoint: try await first.url(after: "SQS endpoint listening on"), record: record)
            await first.stop(signal: SIGKILL)
        }
        try await QueueLabProcess.with(arguments, in: directory) { second in
            try await Self.phase("after", endpoint: try await second.url(after: "SQS endpoint listening on"), record: record)
            await second.stop(signal: SIGTERM)
        }
    }
}
