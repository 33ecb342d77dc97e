import NIOCore
import ServerSupport
import StrictJSON
import Testing

/// A local endpoint that records every webhook POSTed to it and answers 200.
enum WebhookReceiver {
    struct Delivery: Sendable {
        let path: String
        let body: JSONValue
    }

    /// Runs `body` with the receiver's base URL and the stream of what it receives.
    static func run(_ body: (String, AsyncStream<Delivery>) async throws -> Void) async throws {
        let (deliveries, received) = AsyncStream.makeStream(of: Delivery.self)
        let server = HTTPServer(label: "webhook receiver", host: "127.0.0.1", port: 0, maximumBodySize: 1 << 20) { request in
            if let json = try? JSONParser.parse(Array(buffer: request.body)) {
                received.yield(Delivery(path: String(request.path), body: json))
            }
            return HTTPServerResponse(status: .ok)
        }
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run { bound.yield($0) } }
            defer { group.cancelAll() }
            var listening = ports.makeAsyncIterator()
            let port = try #require(await listening.next())
            try await body("http://127.0.0.1:\(port)", deliveries)
        }
    }
}
