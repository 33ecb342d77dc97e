import ServiceLifecycle

/// `/metrics` for a running runtime, one of the runtime monitor's consumers: publishes each
/// snapshot and serves the result, until graceful shutdown and the monitor's last snapshot.
public struct MetricsService: Service {
    private let snapshots: AsyncStream<RuntimeSnapshot>
    private let publisher: MetricsPublisher
    private let endpoint: MetricsEndpoint

    /// - Parameter port: 0 picks a free port; `onListening` receives the one bound.
    public init(
        snapshots: AsyncStream<RuntimeSnapshot>, host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void
    ) {
        let publisher = MetricsPublisher()
        self.snapshots = snapshots
        self.publisher = publisher
        endpoint = MetricsEndpoint(publisher: publisher, host: host, port: port, onListening: onListening)
    }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await endpoint.run() }
            for await snapshot in snapshots {
                publisher.publish(snapshot)
            }
        }
    }
}
