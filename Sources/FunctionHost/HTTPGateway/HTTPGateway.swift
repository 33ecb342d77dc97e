import Logging
import Primitives
import ServerSupport
import ServiceLifecycle

/// API Gateway in front of a `FunctionHost`, as serverless-offline emulates it: the routes of a
/// manifest's `httpApi` events (an HTTP API, payload format 2.0) and `http` events (a REST API,
/// payload format 1.0, under its stage) on one port, each request invoking its function
/// synchronously and answered from what the function returns, by AWS's rules.
///
/// It can listen before the host exists: functions get the gateway's URL (`API_URL`) in their
/// environment, which the host fixes when it is created, and with port 0 only the bound port
/// tells it. A request that arrives first waits for the host.
public struct HTTPGateway: Service {
    private let server: HTTPServer
    private let boundPort: OneShot<Int?>
    private let logger: Logger

    /// - Parameters:
    ///   - host: the host the routes invoke, once it exists; `nil` if it was not created, which
    ///     answers waiting and later requests as a refused invocation.
    ///   - port: 0 picks a free port; `waitUntilListening()` tells which.
    public init(
        host: OneShot<FunctionHost?>, routes: [HTTPRoute], address: String = "127.0.0.1", port: Int = 3000, logger: Logger? = nil
    ) {
        let boundPort = OneShot<Int?>()
        let responder = GatewayResponder(host: host, table: HTTPRouteTable(routes: routes), boundPort: boundPort)
        server = HTTPServer(label: "HTTP API", host: address, port: port, maximumBodySize: GatewayError.payloadLimit) { request in
            await responder.respond(to: request)
        }
        self.boundPort = boundPort
        self.logger = logger ?? Logger(label: "queuelab.http-gateway")
    }

    /// Serves until graceful shutdown: requests being answered finish with their invocations.
    public func run() async throws {
        try await server.run(reportingPortTo: boundPort, logger: logger)
    }

    /// The port the gateway listens on, once it does; `nil` if it stopped or failed to bind.
    public func waitUntilListening() async -> Int? {
        await boundPort.value()
    }
}
