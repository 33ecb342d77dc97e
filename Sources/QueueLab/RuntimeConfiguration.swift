import EventSourceMapping
import Foundation
import Primitives
import FunctionHost

/// Everything `queuelab start` needs to know to run.
public struct RuntimeConfiguration: Sendable {
    public var statePath: String
    /// Address the endpoints bind (the SQS endpoint, the Lambda Invoke API, the HTTP API).
    public var host: String
    public var sqsPort: Int
    public var accountId: String
    public var region: String
    /// The serverless.json whose functions run; `nil` runs none (the Invoke API still answers).
    public var manifestPath: String?
    /// The manifest's stage (`${opt:stage}`); `nil` takes `provider.stage`, else `dev`.
    public var stage: String?
    /// The Lambda Invoke API's port (3002 as serverless-offline; 0 picks a free one).
    public var lambdaPort: Int
    /// The port of the manifest's `httpApi` and `http` routes (3000 as serverless-offline; 0 picks
    /// a free one); served only when the manifest has such events.
    public var httpPort: Int
    /// The Python that runs `python3.*` functions through `awslambdaric`.
    public var pythonExecutable: String
    /// Folders searched for a `provided.*` handler given as a bare name, after the manifest's folder.
    public var executableSearchPaths: [String]
    /// How event source mappings scale and whether they record attempts.
    public var mappingSettings: MappingSettings
    /// Waits between asynchronous invocation attempts (AWS's: one and two minutes).
    public var asyncRetryTimings: AsyncRetryTimings
    /// Echo function logs (START/END/REPORT and handler output) to standard output.
    public var echoLogs: Bool
    /// How often the runtime monitor takes a snapshot for the live view, `/metrics` and the run
    /// record; `nil`: four times a second when the live view redraws on a terminal, else once a
    /// second (each snapshot counts every queue's messages, which a 100,000-message drain notices).
    public var monitorInterval: Duration?
    /// Show the live status on standard output: a block redrawn in place on a terminal, a plain
    /// line every few seconds otherwise.
    public var showsStatus = false
    /// Serve Prometheus `/metrics` on this port (0 picks a free one); `nil` serves none.
    public var metricsPort: Int?
    /// Serve the offline CRMs and Quo beside the functions; `nil` serves none.
    public var crmMock: CRMMockConfiguration?

    public init(
        statePath: String = ".queuelab/state.sqlite", host: String = "127.0.0.1", sqsPort: Int = 9324,
        accountId: String = "000000000000", region: String = "us-east-1", manifestPath: String? = nil, stage: String? = nil,
        lambdaPort: Int = 3002, httpPort: Int = 3000, pythonExecutable: String = RuntimeConfiguration.defaultPythonExecutable(),
        executableSearchPaths: [String] = [RuntimeConfiguration.runningExecutableDirectory()],
        mappingSettings: MappingSettings = MappingSettings(), asyncRetryTimings: AsyncRetryTimings = .aws,
        echoLogs: Bool = true
    ) {
        self.statePath = statePath
        self.host = host
        self.sqsPort = sqsPort
        self.accountId = accountId
        self.region = region
        self.manifestPath = manifestPath
        self.stage = stage
        self.lambdaPort = lambdaPort
        self.httpPort = httpPort
        self.pythonExecutable = pythonExecutable
        self.executableSearchPaths = executableSearchPaths
        self.mappingSettings = mappingSettings
        self.asyncRetryTimings = asyncRetryTimings
        self.echoLogs = echoLogs
    }

    /// Concurrent batches an SQS event source may add per minute (AWS: 300); more compresses time.
    public var eventSourceScalePerMinute: Int {
        get { mappingSettings.rates.increasePerMinute }
        set { mappingSettings.rates.increasePerMinute = newValue }
    }

    /// The wait before an asynchronous invocation's first retry after a function error (AWS: 60 s;
    /// the second waits twice as long). Setting it scales Lambda's throttle waits with it (AWS: 1 s
    /// growing to 5 min), so one value compresses every asynchronous wait.
    public var asyncRetryInterval: Duration {
        get { asyncRetryTimings.afterFunctionError }
        set {
            let aws = AsyncRetryTimings.aws
            let scale = Double(newValue.wholeMicroseconds) / Double(aws.afterFunctionError.wholeMicroseconds)
            asyncRetryTimings = AsyncRetryTimings(
                afterFunctionError: newValue, afterThrottleInitial: aws.afterThrottleInitial * scale,
                afterThrottleMaximum: aws.afterThrottleMaximum * scale)
        }
    }

    /// The package root's venv (`.venv/bin/python`, made by `scripts/bootstrap`, with `awslambdaric`)
    /// when it exists, else `python3` from PATH. The package root is the current directory:
    /// `queuelab start` is run from it, as the README shows.
    public static func defaultPythonExecutable() -> String {
        let venvPython = FileManager.default.currentDirectoryPath + "/.venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: venvPython) ? venvPython : "python3"
    }

    /// The folder of the running executable, where `swift build` also puts the handler products,
    /// so a manifest can name a handler product (`crm-sync`) without a path.
    public static func runningExecutableDirectory() -> String {
        // Not `CommandLine.arguments[0]`: run from PATH, that is a bare name.
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// The folder of the state file; function logs go under it.
    var stateDirectory: String {
        URL(fileURLWithPath: statePath).deletingLastPathComponent().path
    }

    /// Where CRM sync handlers keep their Process databases (`<integration>.sqlite`); every
    /// function gets it as `SYNC_STATE_DIR`.
    public var syncStateDirectory: String {
        stateDirectory + "/sync"
    }

    /// The mock Quo's contacts, when `crmMock` is set.
    public var quoDatabasePath: String {
        stateDirectory + "/quo.sqlite"
    }

    /// Reads and settles the manifest at `manifestPath`, as `QueueLabRuntime` runs it; `nil` without one.
    public func loadManifest() throws(ManifestLoadError) -> ManifestPlan? {
        guard let manifestPath else { return nil }
        return try ManifestPlan.load(file: manifestPath, accountId: accountId, region: region, stage: stage)
    }
}
