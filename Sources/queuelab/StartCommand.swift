import ArgumentParser
import Foundation
import Logging
import QueueLab

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the runtime: the SQS endpoint on the state file (Ctrl-C or SIGTERM stops it).")

    @Option(name: .customLong("state"), help: "SQLite state file.")
    var statePath = ".queuelab/state.sqlite"

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .customLong("sqs-port"), help: "SQS endpoint port (0 picks a free one).")
    var sqsPort = 9324

    @Option(name: .customLong("account-id"), help: "Account id in queue URLs and ARNs.")
    var accountId = "000000000000"

    @Option(help: "Region for ARNs when a request does not sign with one.")
    var region = "us-east-1"

    func validate() throws {
        guard (0...65535).contains(sqsPort) else { throw ValidationError("--sqs-port must be between 0 and 65535.") }
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else {
            throw ValidationError("--account-id must be 12 digits.")
        }
    }

    func run() async throws {
        let logger = Logger(label: "queuelab")
        let runtime = try QueueLabRuntime(
            configuration: .init(statePath: statePath, host: host, sqsPort: sqsPort, accountId: accountId, region: region),
            logger: logger)
        try await runtime.run { url in
            // Written unbuffered: scripts and tests wait for this line on a pipe or file.
            FileHandle.standardOutput.write(Data("SQS endpoint listening on \(url) (state: \(statePath))\n".utf8))
        }
    }
}
