import CRMMock
import CRMSync
import Foundation
import IntegrationManifest
import Logging
import Observability
import QueueStore

/// `queuelab sync`: runs one integration's manifest (its worker, its webhook, its queues) with the
/// mock CRMs and Quo on a fresh state, starts a sync, follows its Processes until they finish and
/// every message is settled, then reads the run's report.
public struct SyncRun: Sendable {
    public let configuration: SyncRunConfiguration
    let crm: CRM
    let manifest: GeneratedManifest
    let crmSettings: CRMSettings
    /// The queueConfig values this run's `--set` gives.
    public let queueConfig: [String: Int]

    /// How often the Processes and the queue are read.
    static let pollInterval = Duration.milliseconds(250)

    /// Checks everything a user can get wrong before anything starts: the integration, the
    /// `--set` values, and the definition they make (with the generator's own messages).
    public init(_ configuration: SyncRunConfiguration) throws(SyncRunError) {
        guard let crm = CRM(rawValue: configuration.integration) else {
            throw SyncRunError(.unknownIntegration, "no integration named '\(configuration.integration)'; \(CRM.unknownNameHint(configuration.integration))")
        }
        let overrides = try SyncOverrides(parsing: configuration.settings, crm: crm)
        var settings = CRMSettings.defaults(for: crm)
        do throws(CRMMockError) {
            if let records = configuration.records { try settings.apply(knob: "records=\(records)") }
            for knob in overrides.crmKnobs { try settings.apply(knob: knob) }
        } catch {
            throw SyncRunError(.invalidSetting, "--records: \(error.message)")
        }
        do {
            manifest = try ManifestGenerator(root: configuration.root).generate(
                integration: configuration.integration, queueConfig: overrides.queueConfig)
        } catch {
            let details = error.diagnostics.map { "  \($0.description)" }.joined(separator: "\n")
            throw SyncRunError(
                .refusedDefinition, details.isEmpty ? error.message : "the definition, with this run's --set values, is refused:\n\(details)")
        }
        self.configuration = configuration
        self.crm = crm
        crmSettings = settings
        queueConfig = overrides.queueConfig
    }

    /// What `generate` warned about the definition with this run's settings.
    public var warnings: [String] { manifest.warnings.map(\.description) }

    /// Runs the sync; `progress` sees the Processes and the queue about four times a second.
    public func run(logger: Logger, progress: @escaping @Sendable (SyncProgress) async -> Void = { _ in }) async throws -> SyncRunResult {
        try prepareState()
        let runtime = try QueueLabRuntime(configuration: runtimeConfiguration(), logger: logger)
        let processes = try ProcessStore(path: runtime.configuration.syncStateDirectory + "/\(configuration.integration).sqlite")
        let queueName = IntegrationNames(integration: configuration.integration).queueName
        let expectedProcesses = try IntegrationCatalog.integrationType(named: configuration.integration).personObjectTypes.count
        let outcome = try await runtime.withRunning { endpoints in
            let mock = try Self.mockServer(endpoints)
            let trigger: SyncEvent = configuration.syncType == .ongoing ? .ongoingSync(StartSync()) : .initialSync(StartSync())
            let startedAt = Date()
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await runtime.store.send([OutgoingMessage(body: trigger.messageBody())], toQueue: queueName, senderId: "queuelab-sync")
            var stalledChecks = 0
            while true {
                let current = try await processes.processes(integration: configuration.integration)
                    .filter { $0.context.startTime >= startedAt.addingTimeInterval(-1) }
                let counts = try await runtime.store.overview().first { $0.queue.name == queueName }?.counts ?? QueueCounts()
                let snapshot = SyncProgress(processes: current, queue: counts, elapsed: start.duration(to: clock.now))
                await progress(snapshot)
                switch SyncCompletion(processes: current, expectedProcesses: expectedProcesses, queue: counts) {
                case .running:
                    stalledChecks = 0
                case .finished:
                    return (progress: snapshot, counters: await mock.counters(for: crm), quo: try await mock.quo.summary())
                case .stalled(let reason):
                    // Read twice, a poll apart: the Processes and the queue are not read at one instant.
                    stalledChecks += 1
                    if stalledChecks >= 2 { throw SyncRunError(.stalled, reason) }
                }
                try await Task.sleep(for: Self.pollInterval)
            }
        }
        let report = try await RunReportReader(stateFile: configuration.statePath).report(prices: configuration.prices)
        let ideal = SyncIdeal(
            counters: outcome.counters, settings: crmSettings, concurrency: Self.workerConcurrency(report, integration: configuration.integration),
            rates: runtime.configuration.mappingSettings.rates)
        return SyncRunResult(
            processes: outcome.progress.processes.sorted { $0.name < $1.name }, wallTime: outcome.progress.elapsed, report: report,
            crmCounters: outcome.counters, crmSettings: crmSettings, quo: outcome.quo, ideal: ideal)
    }

    /// How many batches the worker can run at once: its reserved concurrency, capped by its
    /// mapping's maximumConcurrency (without a reservation, the account's 1,000).
    static func workerConcurrency(_ report: RunReport, integration: String) -> Int {
        let worker = IntegrationNames(integration: integration).functionName
        let reserved = report.functions.first { $0.name == worker }?.reservedConcurrency ?? 1000
        let mapped = report.mappings.first { $0.function == worker }?.maximumConcurrency ?? reserved
        return min(reserved, mapped)
    }

    private static func mockServer(_ endpoints: RuntimeEndpoints) throws -> CRMMockServer {
        guard let mock = endpoints.crmMock else { throw SyncRunError(.stateUnavailable, "the runtime did not start the mock CRMs") }
        return mock.server
    }

    func runtimeConfiguration() -> RuntimeConfiguration {
        var runtime = RuntimeConfiguration(
            statePath: configuration.statePath, sqsPort: 0, manifestPath: configuration.manifestPath, lambdaPort: 0, httpPort: 0,
            executableSearchPaths: configuration.executableSearchPaths, echoLogs: false)
        runtime.crmMock = CRMMockConfiguration(port: 0, settings: [crm: crmSettings])
        if let scale = configuration.eventSourceScalePerMinute { runtime.eventSourceScalePerMinute = scale }
        return runtime
    }

    /// Empties the run's folder of what an earlier run left (unless the run keeps state) and writes
    /// the manifest. Only the files a run makes are removed: the folder may be the user's.
    func prepareState() throws(SyncRunError) {
        let files = FileManager.default
        let directory = configuration.stateDirectory
        do {
            if configuration.freshState {
                let made = ["state.sqlite", "quo.sqlite", "serverless.json"].flatMap { [$0, $0 + "-wal", $0 + "-shm"] } + ["sync", "logs"]
                for name in made where files.fileExists(atPath: directory + "/" + name) {
                    try files.removeItem(atPath: directory + "/" + name)
                }
            }
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(manifest.text.utf8).write(to: URL(fileURLWithPath: configuration.manifestPath), options: .atomic)
        } catch {
            throw SyncRunError(.stateUnavailable, "cannot prepare \(directory): \(error.localizedDescription)")
        }
    }
}
