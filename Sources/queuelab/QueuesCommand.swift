import ArgumentParser
import Foundation
import QueueLab
import QueueStore

struct QueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues",
        abstract: "List every queue in the state file: visible, in flight, delayed, DLQ target.")

    @Option(name: .customLong("state"), help: "SQLite state file.")
    var statePath = ".queuelab/state.sqlite"

    struct MissingStateFile: Error, CustomStringConvertible {
        let path: String
        var description: String { "No state file at \(path); `queuelab start --state \(path)` creates it." }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: statePath) else { throw MissingStateFile(path: statePath) }
        print(try await QueueOverview.render(try QueueStore(path: statePath)), terminator: "")
    }
}
