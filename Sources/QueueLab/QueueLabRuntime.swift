import CRMMock
import FunctionHost
import Logging
import Observability
import Primitives
import QueueStore
import SQSServer
import ServiceLifecycle
import UnixSignals

/// One lifecycle for every long-running part: the SQS endpoint, the message move tasks, the mock
/// CRMs and Quo when asked for, and the functions with their Lambda Invoke API and the manifest's
/// HTTP API. SIGINT and SIGTERM shut it down gracefully; state is already on disk.
public struct QueueLabRuntime: Sendable {
    public let configuration: RuntimeConfiguration
    public let store: QueueStore
    /// What the manifest declares, checked before anything starts; `nil` without a manifest.
    public let manifest: ManifestPlan?
    let logger: Logger

    /// Opens the state file and reads the manifest; a bad manifest throws `ManifestLoadError`.
    public init(configuration: RuntimeConfiguration, logger: Logger) throws {
        try self.init(configuration: configuration, manifest: configuration.loadManifest(), logger: logger)
    }

    /// Opens the state file, to run `manifest` as `configuration.loadManifest()` read it (for a
    /// caller that looks at the manifest before it settles the configuration).
    public init(configuration: RuntimeConfiguration, manifest: ManifestPlan?, logger: Logger) throws {
        self.manifest = manifest
        self.configuration = configuration
        self.store = try QueueStore(path: configuration.statePath, accountId: configuration.accountId)
        self.logger = logger
    }

    /// Runs until SIGINT/SIGTERM; `onSQSListening` receives the SQS endpoint's URL,
    /// `onCRMMockListening` the mock CRMs' when `configuration.crmMock` is set, then
    /// `onLambdaListening` the Invoke API's once provisioned environments are warm, then
    /// `onHTTPListening` the HTTP API's when the manifest has `httpApi` or `http` events, and
    /// `onMetricsListening` the `/metrics` URL when it is served.
    public func run(
        onSQSListening: @escaping @Sendable (String) async -> Void = { _ in },
        onCRMMockListening: @escaping @Sendable (CRMMockEndpoint) async -> Void = { _ in },
        onLambdaListening: @escaping @Sendable (LambdaEndpoint) async -> Void = { _ in },
        onHTTPListening: @escaping @Sendable (HTTPAPIEndpoint) async -> Void = { _ in },
        onMetricsListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        try await serviceGroup(
            deployed: try await deploy(), gracefulShutdownSignals: [.sigterm, .sigint], onSQSListening: onSQSListening,
            onCRMMockListening: onCRMMockListening, onLambdaListening: onLambdaListening, onHTTPListening: onHTTPListening,
            onMetricsListening: onMetricsListening
        ).run()
    }

    /// Whether the manifest has routes for the HTTP API to serve.
    var servesHTTPAPI: Bool {
        manifest?.httpRoutes.isEmpty == false
    }

    /// Checks the manifest against the state file and creates or updates its queues; nothing has
    /// changed when it throws.
    func deploy() async throws(ManifestLoadError) -> ManifestDeployment.Deployed? {
        guard let manifest else { return nil }
        return try await ManifestDeployment(plan: manifest, store: store, region: configuration.region).deploy()
    }

    /// The services in one group; `withRunning` shuts it down with `triggerGracefulShutdown()`.
    /// Throws `CRMMockError` when the mock Quo's database cannot be opened.
    func serviceGroup(
        deployed: ManifestDeployment.Deployed?,
        gracefulShutdownSignals: [UnixSignal] = [],
        onSQSListening: @escaping @Sendable (String) async -> Void,
        onCRMMockListening: @escaping @Sendable (CRMMockEndpoint) async -> Void = { _ in },
        onLambdaListening: @escaping @Sendable (LambdaEndpoint) async -> Void = { _ in },
        onHTTPListening: @escaping @Sendable (HTTPAPIEndpoint) async -> Void = { _ in },
        onMetricsListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws -> ServiceGroup {
        let host = configuration.host
        let (sqsEndpoint, sqsEndpointContinuation) = AsyncStream.makeStream(of: String.self)
        let server = SQSServer(
            store: store,
            configuration: .init(host: host, port: configuration.sqsPort, defaultRegion: configuration.region),
            logger: logger,
            onListening: { port in
                let url = "http://\(host):\(port)"
                await onSQSListening(url)
                sqsEndpointContinuation.yield(url)
                sqsEndpointContinuation.finish()
            })
        let crmMock = try configuration.crmMock.map { try crmMockService($0, onListening: onCRMMockListening) }
        let functionHost = OneShot<FunctionHost>()
        let lambda = LambdaService(
            configuration: configuration, manifest: deployed, store: store, sqsEndpoint: sqsEndpoint,
            crmMockEndpoint: crmMock?.endpoint, host: functionHost, onListening: onLambdaListening, onHTTPListening: onHTTPListening,
            logger: logger)
        let redraws = configuration.showsStatus && TerminalConsole.standardOutput.isTerminal
        let monitor = RuntimeMonitor(
            store: store, host: functionHost, interval: configuration.monitorInterval ?? .milliseconds(redraws ? 250 : 1000),
            logger: logger)
        let recorder = RunRecorder(
            store: store, functions: deployed?.runFunctions ?? [], mappings: deployed?.runMappings ?? [],
            snapshots: monitor.snapshots(), logger: logger)
        monitor.attach(recorder)
        if configuration.showsStatus {
            monitor.attach(StatusDisplay(snapshots: monitor.snapshots()))
        }
        if let metricsPort = configuration.metricsPort {
            monitor.attach(MetricsService(
                snapshots: monitor.snapshots(), host: host, port: metricsPort,
                onListening: { port in await onMetricsListening("http://\(host):\(port)/metrics") }))
        }
        return ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: server),
                    .init(service: MessageMoveTaskRunner(store: store, logger: logger)),
                ] + (crmMock.map { [.init(service: $0.server)] } ?? []) + [
                    // After the functions stop, it takes the last snapshot and its consumers finish with it.
                    .init(service: monitor),
                    // Last: shut down first, so handlers stop before the endpoints they use (SQS, the
                    // mock CRMs). A start-up failure (a function the host rejects) shuts the others
                    // down gracefully too.
                    .init(service: lambda, failureTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger))
    }
}
