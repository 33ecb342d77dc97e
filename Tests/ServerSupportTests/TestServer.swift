import NIOCore
import ServerSupport
import Testing

/// The server the tests run: on an ephemeral port, answering with a description of each request.
enum TestServer {
    /// Answers with the method, path, query, body size and whether the body was too large.
    @Sendable
    static func describe(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        let text = "\(request.method) \(request.path) query=\(request.query ?? "-") bytes=\(request.body.readableBytes) tooLarge=\(request.bodyTooLarge)"
        return HTTPServerResponse(status: .ok, headers: ["X-Test": "yes"], bytes: Array(text.utf8))
    }

    static func make(
        limit: Int = 64, timeouts: HTTPServer.Timeouts = HTTPServer.Timeouts(),
        responder: @escaping HTTPServer.Responder = describe
    ) -> HTTPServer {
        HTTPServer(label: "test server", host: "127.0.0.1", port: 0, maximumBodySize: limit, timeouts: timeouts, responder: responder)
    }

    /// Runs `server` for the duration of `body`, which gets its port.
    static func run(_ server: HTTPServer, _ body: @Sendable (Int) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run { continuation.yield($0) } }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port)
            group.cancelAll()
        }
    }
}
