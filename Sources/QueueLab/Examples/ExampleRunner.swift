import Foundation
import Logging
import QueueStore

/// Runs one of `examples/<name>` end to end on a fresh state file: starts the runtime with the
/// example's manifest, sends the scenario's messages, waits until every queue it sent to is empty
/// (each message deleted after a success or moved to a dead-letter queue), and reads back what
/// happened from the queues and the recorded delivery attempts.
public struct ExampleRunner: Sendable {
    /// The example's folder, holding `serverless.json` and `scenario.json`.
    public let directory: String
    public var configuration: RuntimeConfiguration
    let logger: Logger

    /// - Parameter stateDirectory: where the run's state file goes (replaced if it exists).
    public init(directory: String, stateDirectory: String, configuration: RuntimeConfiguration = RuntimeConfiguration(), logger: Logger) {
        self.directory = directory
        var configuration = configuration
        configuration.statePath = stateDirectory + "/" + URL(fileURLWithPath: directory).lastPathComponent + ".sqlite"
        configuration.manifestPath = directory + "/serverless.json"
        configuration.sqsPort = 0
        configuration.lambdaPort = 0
        // The report tells the story; the handlers' own lines stay in the log files.
        configuration.echoLogs = false
        self.configuration = configuration
        self.logger = logger
    }

    public func scenario() throws -> ExampleScenario {
        let file = directory + "/scenario.json"
        return try JSONDecoder().decode(ExampleScenario.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
    }

    public func run() async throws -> ExampleOutcome {
        let scenario = try scenario()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: configuration.statePath + suffix) }
        let runtime = try QueueLabRuntime(configuration: configuration, logger: logger)
        let store = runtime.store
        return try await runtime.withRunning { endpoints in
            let startedAt = store.clock.now()
            let clock = ContinuousClock()
            let started = clock.now
            var sent: [(queue: String, messageId: String, body: String)] = []
            for sending in scenario.send {
                let outgoing = sending.bodies.map { OutgoingMessage(body: $0, groupId: sending.groupId) }
                let groups = sending.batch == true ? [outgoing] : outgoing.map { [$0] }
                for group in groups {
                    let results = try await store.send(group, toQueue: sending.queue, senderId: "queuelab-example")
                    for (message, result) in zip(group, results) {
                        sent.append((sending.queue, try result.get().messageId, message.body))
                    }
                }
            }
            let queues = Array(Set(scenario.send.map(\.queue))).sorted()
            try await waitUntilSettled(queues, store: store, timeout: .seconds(scenario.timeoutSeconds ?? 120))
            return try await ExampleOutcome.read(
                scenario: scenario, sent: sent, functions: endpoints.lambda.functions.map(\.name), store: store,
                startedAt: startedAt, elapsed: clock.now - started, logDirectory: configuration.stateDirectory + "/logs")
        }
    }

    /// Waits until no queue of `queues` holds a message, visible or not.
    private func waitUntilSettled(_ queues: [String], store: QueueStore, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            var unsettled: [String] = []
            for queue in queues where try await store.hasMessages(inQueue: queue) { unsettled.append(queue) }
            if unsettled.isEmpty { return }
            guard ContinuousClock.now < deadline else { throw ExampleError.unsettled(queues: unsettled, after: timeout) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
