import ArgumentParser
import Foundation
import Logging
import QueueLab

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the runtime: the SQS endpoint on the state file, and the Lambda Invoke API with the manifest's functions (Ctrl-C or SIGTERM stops it).",
        discussion: """
            Run it from the package root: python3.* functions use its .venv/bin/python when it exists \
            (else python3 from PATH), and provided.* handlers given as a bare name are looked up in the \
            manifest's folder, then next to this executable (where `swift build` puts handler products).
            """)

    @Option(name: .customLong("state"), help: "SQLite state file; function logs go to logs/ beside it.")
    var statePath = ".queuelab/state.sqlite"

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .customLong("sqs-port"), help: "SQS endpoint port (0 picks a free one).")
    var sqsPort = 9324

    @Option(name: .customLong("lambda-port"), help: "Lambda Invoke API port (0 picks a free one).")
    var lambdaPort = 3002

    @Option(name: .customLong("manifest"), help: "serverless.json whose functions to run (default: none).")
    var manifestPath: String?

    @Option(name: .customLong("account-id"), help: "Account id in queue URLs and ARNs.")
    var accountId = "000000000000"

    @Option(help: "Region for ARNs when a request does not sign with one.")
    var region = "us-east-1"

    func validate() throws {
        guard (0...65535).contains(sqsPort) else { throw ValidationError("--sqs-port must be between 0 and 65535.") }
        guard (0...65535).contains(lambdaPort) else { throw ValidationError("--lambda-port must be between 0 and 65535.") }
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else {
            throw ValidationError("--account-id must be 12 digits.")
        }
    }

    func run() async throws {
        let logger = Logger(label: "queuelab")
        let runtime = try QueueLabRuntime(
            configuration: .init(
                statePath: statePath, host: host, sqsPort: sqsPort, accountId: accountId, region: region,
                manifestPath: manifestPath, lambdaPort: lambdaPort),
            logger: logger)
        // Written unbuffered: scripts and tests wait for these lines on a pipe or file.
        try await runtime.run(
            onSQSListening: { url in
                Self.write("SQS endpoint listening on \(url) (state: \(statePath))")
            },
            onLambdaListening: { endpoint in
                Self.write("Lambda Invoke API listening on \(endpoint.url)")
                for function in endpoint.functions {
                    let reserved = function.reservedConcurrency.map { ", reserved \($0)" } ?? ""
                    let provisioned = function.provisionedConcurrency > 0 ? ", provisioned \(function.provisionedConcurrency)" : ""
                    Self.write(
                        "  function \(function.name): \(function.runtime) \(function.handler), "
                            + "\(Int(function.timeout)) s, \(function.memorySize) MB\(reserved)\(provisioned)")
                }
            })
    }

    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
