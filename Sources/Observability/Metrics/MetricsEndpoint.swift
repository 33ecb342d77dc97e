import NIOCore
import NIOHTTP1
import ServerSupport
import ServiceLifecycle

/// `GET /metrics` in Prometheus' text format, on the project's HTTP server, for
/// `queuelab start --metrics-port N`: what `MetricsPublisher` holds at the moment of the scrape.
/// Other paths are 404 and other methods 405.
public struct MetricsEndpoint: Service {
    /// Prometheus' text exposition format, version 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let server: HTTPServer
    private let onListening: @Sendable (Int) async -> Void

    /// - Parameters:
    ///   - port: 0 picks a free port; `onListening` receives the one bound.
    public init(
        publisher: MetricsPublisher, host: String = "127.0.0.1", port: Int,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        // A scrape has no body; anything larger is not a scrape.
        server = HTTPServer(label: "Prometheus metrics endpoint", host: host, port: port, maximumBodySize: 4096) { request in
            Self.respond(to: request, publisher: publisher)
        }
        self.onListening = onListening
    }

    /// Serves until graceful shutdown or cancellation; throws `HTTPServerError` if the port
    /// cannot be bound.
    public func run() async throws {
        try await server.run(onListening: onListening)
    }

    static func respond(to request: HTTPServerRequest, publisher: MetricsPublisher) -> HTTPServerResponse {
        guard request.path == "/metrics" else { return HTTPServerResponse(status: .notFound) }
        guard request.method == .GET else { return HTTPServerResponse(status: .methodNotAllowed, headers: ["Allow": "GET"]) }
        return HTTPServerResponse(status: .ok, headers: ["Content-Type": contentType], bytes: publisher.exposition())
    }
}
