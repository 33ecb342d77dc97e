import ArgumentParser
import QueueLab

struct QueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues",
        abstract: "List every queue in the state file: visible, in flight, delayed, DLQ target.")

    @Option(name: .customLong("state"), help: "SQLite state file.")
    var statePath = ".queuelab/state.sqlite"

    func run() async throws {
        print(try await QueueOverview.render(statePath: statePath), terminator: "")
    }
}
