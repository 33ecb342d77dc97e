import ArgumentParser
import Foundation
import Logging
import Observability
import QueueLab

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the runtime: the SQS endpoint on the state file, the Lambda Invoke API with the manifest's functions, their HTTP API routes and the mock CRMs they sync (Ctrl-C or SIGTERM stops it).",
        discussion: """
            Run it from the package root: python3.* functions use its .venv/bin/python when it exists \
            (else python3 from PATH), and provided.* handlers given as a bare name are looked up in the \
            manifest's folder, then next to this executable (where `swift build` puts handler products). \
            The mock CRMs and Quo run when a function's environment has INTEGRATION_NAME (as `queuelab \
            generate` writes it) or --crm or --crm-port is given; functions find them at CRM_MOCK_URL.
            """)

    @Option(name: .customLong("state"), help: "SQLite state file; function logs go to logs/ beside it.")
    var statePath = ".queuelab/state.sqlite"

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .customLong("sqs-port"), help: "SQS endpoint port (0 picks a free one).")
    var sqsPort = 9324

    @Option(name: .customLong("lambda-port"), help: "Lambda Invoke API port (0 picks a free one).")
    var lambdaPort = 3002

    @Option(name: .customLong("http-port"), help: "Port of the manifest's httpApi and http events (0 picks a free one); served when it has any.")
    var httpPort = 3000

    @Option(name: .customLong("manifest"), help: "serverless.json (or a CloudFormation template) to run (default: ./serverless.json when it exists).")
    var manifestPath: String?

    @Flag(name: .customLong("no-manifest"), help: "Run no manifest, even if ./serverless.json exists.")
    var noManifest = false

    @Option(help: "The manifest's stage, as ${opt:stage} and ${sls:stage} read it (default: provider.stage, else dev).")
    var stage: String?

    @Option(name: .customLong("esm-scale-per-minute"), help: "Concurrent batches an SQS event source may add per minute (default: AWS's 300); raise it to compress time.")
    var scalePerMinute: Int?

    @Option(name: .customLong("async-retry-interval"), help: "Seconds before an asynchronous invocation's first retry, twice that before the second (default: AWS's 60); throttle waits scale with it.")
    var asyncRetryInterval: Double?

    @Option(name: .customLong("metrics-port"), help: "Serve Prometheus metrics on this port at /metrics (0 picks a free one; default: off).")
    var metricsPort: Int?

    @Option(name: .customLong("crm-port"), help: "Port of the mock CRMs and Quo (0 picks a free one; default: 4010).")
    var crmPort: Int?

    @Option(
        name: .customLong("crm"),
        help: ArgumentHelp(
            "A mock CRM's realism knob (repeatable), e.g. scaling-test.rateLimit=20/s or pipedrive.records=50; knobs: records, latency, perRecordLatency, rateLimit, errorRate, poison.",
            valueName: "crm.knob=value"))
    var crmKnobs: [String] = []

    @Flag(name: .customLong("no-crm-mock"), help: "Serve no mock CRMs, even if the manifest's functions sync integrations.")
    var noCRMMock = false

    @Flag(help: "No live status (a block redrawn in place on a terminal, a summary line every few seconds otherwise).")
    var quiet = false

    @Option(name: .customLong("account-id"), help: "Account id in queue URLs and ARNs.")
    var accountId = "000000000000"

    @Option(help: "Region for ARNs when a request does not sign with one.")
    var region = "us-east-1"

    func validate() throws {
        guard (0...65535).contains(sqsPort) else { throw ValidationError("--sqs-port must be between 0 and 65535.") }
        guard (0...65535).contains(lambdaPort) else { throw ValidationError("--lambda-port must be between 0 and 65535.") }
        guard (0...65535).contains(httpPort) else { throw ValidationError("--http-port must be between 0 and 65535.") }
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be between 0 and 65535.") }
        if let crmPort, !(0...65535).contains(crmPort) { throw ValidationError("--crm-port must be between 0 and 65535.") }
        if noCRMMock, crmPort != nil || !crmKnobs.isEmpty { throw ValidationError("--no-crm-mock excludes --crm and --crm-port.") }
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else {
            throw ValidationError("--account-id must be 12 digits.")
        }
        if let scalePerMinute, !(1...1_000_000).contains(scalePerMinute) {
            throw ValidationError("--esm-scale-per-minute must be between 1 and 1000000.")
        }
        if let asyncRetryInterval, asyncRetryInterval <= 0 { throw ValidationError("--async-retry-interval must be more than 0 seconds.") }
        if noManifest, manifestPath != nil { throw ValidationError("--no-manifest and --manifest exclude each other.") }
    }

    /// The manifest to run: the one named, else ./serverless.json when it exists.
    private var manifest: String? {
        if noManifest { return nil }
        if let manifestPath { return manifestPath }
        return FileManager.default.fileExists(atPath: Self.defaultManifest) ? Self.defaultManifest : nil
    }

    static let defaultManifest = "serverless.json"

    func run() async throws {
        let logger = Logger(label: "queuelab")
        let crmSettings = try CRMKnobAssignment.settings(parsing: crmKnobs)
        var configuration = RuntimeConfiguration(
            statePath: statePath, host: host, sqsPort: sqsPort, accountId: accountId, region: region,
            manifestPath: manifest, stage: stage, lambdaPort: lambdaPort, httpPort: httpPort)
        if let scalePerMinute { configuration.eventSourceScalePerMinute = scalePerMinute }
        if let asyncRetryInterval { configuration.asyncRetryInterval = .milliseconds(Int64(asyncRetryInterval * 1000)) }
        configuration.showsStatus = !quiet
        configuration.metricsPort = metricsPort
        let plan = try configuration.loadManifest()
        if !noCRMMock, plan?.integrationNames.isEmpty == false || crmPort != nil || !crmKnobs.isEmpty {
            configuration.crmMock = CRMMockConfiguration(port: crmPort ?? CRMMockConfiguration.defaultPort, settings: crmSettings)
        }
        let runtime = try QueueLabRuntime(configuration: configuration, manifest: plan, logger: logger)
        let quoDatabasePath = configuration.quoDatabasePath
        // Written unbuffered: scripts and tests wait for these lines on a pipe or file.
        try await runtime.run(
            onSQSListening: { url in
                Self.write("SQS endpoint listening on \(url) (state: \(statePath))")
            },
            onCRMMockListening: { endpoint in
                TerminalConsole.standardOutput.log(
                    lines: ["Mock CRMs listening on \(endpoint.url) (Quo's contacts: \(quoDatabasePath))"]
                        + crmSettings.sorted { $0.key.rawValue < $1.key.rawValue }.map { crm, settings in
                            "  \(crm.rawValue): \(settings.knobs.joined(separator: ", "))"
                        })
            },
            onLambdaListening: { endpoint in
                Self.write("Lambda Invoke API listening on \(endpoint.url)")
                if let manifest = runtime.manifest {
                    Self.write("  manifest \(manifest.file): functions \(manifest.functions.count), queues \(manifest.queues.count), event source mappings \(manifest.mappings.count)")
                }
                for function in endpoint.functions {
                    let reserved = function.reservedConcurrency.map { ", reserved \($0)" } ?? ""
                    let provisioned = function.provisionedConcurrency > 0 ? ", provisioned \(function.provisionedConcurrency)" : ""
                    Self.write(
                        "  function \(function.name): \(function.runtime) \(function.handler), "
                            + "\(Int(function.timeout)) s, \(function.memorySize) MB\(reserved)\(provisioned)")
                }
            },
            onHTTPListening: { endpoint in
                // One write: whoever waits for the first line finds the routes with it.
                TerminalConsole.standardOutput.log(
                    lines: ["HTTP API listening on \(endpoint.url)"]
                        + endpoint.routes.map { "  \($0.servedRoute) → function \($0.function) (\($0.api))" })
            },
            onMetricsListening: { url in
                Self.write("Prometheus metrics on \(url)")
            })
    }

    /// Through the console, above the live status block when one is drawn.
    private static func write(_ line: String) {
        TerminalConsole.standardOutput.log(lines: [line])
    }
}
