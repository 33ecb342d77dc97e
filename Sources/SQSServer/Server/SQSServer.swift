import Logging
import NIOCore
import QueueStore
import ServerSupport
import ServiceLifecycle

/// The SQS endpoint: AWS JSON 1.0 and Query requests over HTTP/1.1, answered from the store.
public struct SQSServer: Service {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Region for ARNs when a request carries no SigV4 credential scope.
        public var defaultRegion: String

        public init(host: String = "127.0.0.1", port: Int = 9324, defaultRegion: String = "us-east-1") {
            self.host = host
            self.port = port
            self.defaultRegion = defaultRegion
        }
    }

    let store: QueueStore
    let configuration: Configuration
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// `onListening` receives the bound port (useful with port 0).
    public init(store: QueueStore, configuration: Configuration, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let responder = SQSResponder(actions: SQSActions(store: store), defaultRegion: configuration.defaultRegion, logger: logger)
        let server = HTTPServer(
            label: "SQS endpoint", host: configuration.host, port: configuration.port, maximumBodySize: SQSResponder.maximumRequestBytes,
            responder: responder.respond(to:))
        try await server.run(onListening: onListening)
    }
}
