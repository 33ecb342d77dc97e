import FunctionHost
import Logging
import QueueStore
import ServiceLifecycle

/// Runs every enabled mapping's pollers. On graceful shutdown the pollers stop receiving, finish the
/// batches they hold (the function host is still up), and return; a batch cut short by
/// cancellation is left in flight, so its messages come back after their visibility timeout.
public struct EventSourceMappingService: Service {
    public let mappings: [MappingConfiguration]
    let store: QueueStore
    let host: FunctionHost
    let settings: MappingSettings
    let logger: Logger

    public init(mappings: [MappingConfiguration], store: QueueStore, host: FunctionHost, settings: MappingSettings, logger: Logger) {
        self.mappings = mappings
        self.store = store
        self.host = host
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        // Whatever was in progress when the last runner died ended with it.
        let interrupted = try await store.markInterruptedDeliveries()
        if interrupted > 0 { logger.notice("\(interrupted) delivery attempts were cut short when the runtime last stopped") }
        await withDiscardingTaskGroup { group in
            for mapping in mappings where mapping.enabled {
                let poller = MappingPoller(mapping: mapping, store: store, host: host, settings: settings, logger: logger)
                group.addTask { await poller.run() }
            }
        }
    }
}
