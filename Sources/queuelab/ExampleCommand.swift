import ArgumentParser
import Foundation
import Logging
import QueueLab

struct ExampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Run one of the dead-letter scenarios in examples/ and explain what happened, with the numbers.",
        discussion: """
            Each run starts the runtime on a fresh state file with the example's serverless.json, sends the \
            scenario's messages, waits until every one is processed or dead-lettered, and prints what the \
            queues and the recorded attempts say. Without a name, lists the examples. The handler (queue-worker) \
            must be built: scripts/example builds it.
            """)

    @Argument(help: "The example to run (a folder of --examples).")
    var name: String?

    @Option(help: "The folder holding the examples.")
    var examples = "examples"

    @Option(name: .customLong("state-dir"), help: "Where each run's state file goes (replaced on every run).")
    var stateDirectory = ".queuelab/examples"

    func run() async throws {
        let available = ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? [])
            .filter { FileManager.default.fileExists(atPath: "\(examples)/\($0)/scenario.json") }.sorted()
        var logger = Logger(label: "queuelab.example")
        logger.logLevel = .warning
        guard let name else {
            for example in available {
                let title = (try? ExampleRunner(directory: "\(examples)/\(example)", stateDirectory: stateDirectory, logger: logger).scenario().title) ?? ""
                print("\(example.padding(toLength: 24, withPad: " ", startingAt: 0))  \(title)")
            }
            return
        }
        guard available.contains(name) else { throw ExampleError.unknownExample(name: name, available: available) }
        let runner = ExampleRunner(directory: "\(examples)/\(name)", stateDirectory: stateDirectory, logger: logger)
        print("Running \(examples)/\(name) (state: \(runner.configuration.statePath)) …\n")
        print(try await runner.run().text, terminator: "")
    }
}
