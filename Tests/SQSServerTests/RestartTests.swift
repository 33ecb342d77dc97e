import Foundation
import Testing

/// Queues, messages, receive counts and in-flight deadlines survive a restart on the same file:
/// a graceful one in process, and a `kill -9` of the real `queuelab start`.
@Suite("State survives restarts")
struct RestartTests {
    private static func phase(_ name: String, endpoint: String, record: String) async throws {
        let output = try await ClientProcess.run(ClientProcess.python, [ClientProcess.script("restart.py"), endpoint, name, record])
        #expect(output.status == 0, "restart.py \(name) failed:\n\(output.stdout)\n\(output.stderr)")
    }

    @Test func gracefulRestart() async throws {
        let state = RunningSQSServer.temporaryStatePath()
        let record = state + ".json"
        try await RunningSQSServer.with(statePath: state) { endpoint, _ in
            try await Self.phase("before", endpoint: endpoint, record: record)
        }
        try await RunningSQSServer.with(statePath: state) { endpoint, _ in
            try await Self.phase("after", endpoint: endpoint, record: record)
        }
    }

    @Test func killNineOfTheRunner() async throws {
        let state = RunningSQSServer.temporaryStatePath()
        let record = state + ".json"
        let first = try RunnerProcess.start(state: state)
        try await Self.phase("before", endpoint: try await first.endpoint(), record: record)
        first.kill(signal: SIGKILL)
        let second = try RunnerProcess.start(state: state)
        defer { second.kill(signal: SIGTERM) }
        try await Self.phase("after", endpoint: try await second.endpoint(), record: record)
    }
}
