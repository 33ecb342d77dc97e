import Logging
import QueueStore
import SQSServer
import ServiceLifecycle
import UnixSignals

/// One lifecycle for every long-running part: the SQS endpoint and the message move tasks.
/// SIGINT and SIGTERM shut it down gracefully; state is already on disk.
public struct QueueLabRuntime: Sendable {
    public let configuration: RuntimeConfiguration
    public let store: QueueStore
    let logger: Logger

    public init(configuration: RuntimeConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.store = try QueueStore(path: configuration.statePath, accountId: configuration.accountId)
        self.logger = logger
    }

    /// Runs until SIGINT/SIGTERM; `onSQSListening` receives the endpoint's URL.
    public func run(onSQSListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        try await serviceGroup(gracefulShutdownSignals: [.sigterm, .sigint], onSQSListening: onSQSListening).run()
    }

    /// The services in one group; embedders (tests) shut it down with `triggerGracefulShutdown()`.
    public func serviceGroup(
        gracefulShutdownSignals: [UnixSignal] = [],
        onSQSListening: @escaping @Sendable (String) async -> Void
    ) -> ServiceGroup {
        let host = configuration.host
        let server = SQSServer(
            store: store,
            configuration: .init(host: host, port: configuration.sqsPort, defaultRegion: configuration.region),
            logger: logger,
            onListening: { port in await onSQSListening("http://\(host):\(port)") })
        return ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: server),
                    .init(service: MessageMoveTaskRunner(store: store, logger: logger)),
                ],
                gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger))
    }
}
