import NIOCore
import ServerSupport
import Testing

/// Connections whose client has gone quiet, over raw sockets against short timeouts. Each close is
/// asserted to come no earlier than its timeout, which the server guarantees; how much later
/// depends on the machine, so it is only bounded by the connection's five-second read limit.
@Suite("Lean HTTP server: connection timeouts")
struct HTTPServerTimeoutTests {
    static let timeouts = HTTPServer.Timeouts(idle: .milliseconds(400), request: .milliseconds(200))

    func withServer(
        responder: @escaping HTTPServer.Responder = TestServer.describe, _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        try await TestServer.run(TestServer.make(limit: 64, timeouts: Self.timeouts, responder: responder), body)
    }

    @Test("a connection that never sends anything is closed after the idle timeout, without an answer")
    func silentConnection() async throws {
        try await withServer { port in
            let start = ContinuousClock.now
            let connection = try RawHTTPConnection(port: port)
            let (received, end) = await connection.readToEnd()
            #expect(received.isEmpty)
            #expect(end == .closed)
            #expect(ContinuousClock.now - start >= .milliseconds(400))
        }
    }

    @Test("a keep-alive connection is closed once it has been idle that long after its last answer")
    func idleKeepAlive() async throws {
        try await withServer { port in
            let connection = try RawHTTPConnection(port: port)
            // The server counts from writing its answer, which comes after this.
            let asked = ContinuousClock.now
            connection.write("GET /first HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await connection.read(until: "tooLarge=false").contains("GET /first"))
            let (received, end) = await connection.readToEnd()
            #expect(received.isEmpty)
            #expect(end == .closed)
            #expect(ContinuousClock.now - asked >= .milliseconds(400))
        }
    }

    @Test(
        "a request whose head or body stops arriving is answered 408 and its connection closed",
        arguments: [
            "GET /half HTTP/1.1\r\nHost: x\r\nX-Unfinished",
            "POST /stalled HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
        ])
    func stalledRequest(sent: String) async throws {
        try await withServer { port in
            let connection = try RawHTTPConnection(port: port)
            let start = ContinuousClock.now
            connection.write(sent)
            let (received, end) = await connection.readToEnd()
            #expect(received.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(received)")
            #expect(received.lowercased().contains("connection: close"))
            #expect(end == .closed)
            #expect(ContinuousClock.now - start >= .milliseconds(200))
        }
    }

    @Test("a request whose answer takes longer than every timeout is answered, not cut off")
    func slowAnswer() async throws {
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let held: HTTPServer.Responder = { request in
            startedContinuation.yield()
            for await _ in release { break }
            return await TestServer.describe(request)
        }
        try await withServer(responder: held) { port in
            let connection = try RawHTTPConnection(port: port)
            connection.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            for await _ in started { break }
            // Several idle and request timeouts pass while the answer is held.
            try await Task.sleep(for: .milliseconds(1200))
            releaseContinuation.yield()
            #expect(await connection.read(until: "tooLarge=false").contains("GET /slow query=- bytes=0 tooLarge=false"))
        }
    }
}
