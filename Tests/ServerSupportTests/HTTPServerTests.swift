import NIOCore
import NIOHTTP1
import ServerSupport
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

@Suite("Lean HTTP server")
struct HTTPServerTests {
    /// Runs a server on an ephemeral port for the duration of `body`.
    func withServer(limit: Int = 64, _ body: @Sendable (Int) async throws -> Void) async throws {
        try await TestServer.run(TestServer.make(limit: limit), body)
    }

    @Test("pipelined keep-alive requests are answered in order, and Connection: close ends the connection")
    func keepAliveAndClose() async throws {
        try await withServer { port in
            let connection = try RawHTTPConnection(port: port)
            connection.write(
                "GET /one?a=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let received = await connection.readUntilClosed()
            let bodies = ["GET /one query=a=1 bytes=0 tooLarge=false", "POST /two query=- bytes=5 tooLarge=false",
                          "GET /three query=- bytes=0 tooLarge=false"]
            var position = received.startIndex
            for body in bodies {
                let range = try #require(received.range(of: body, range: position..<received.endIndex), "\(received)")
                position = range.upperBound
            }
            #expect(received.components(separatedBy: "HTTP/1.1 200 OK").count == 4)
            #expect(received.lowercased().contains("content-length: \(bodies[0].utf8.count)"))
            #expect(received.lowercased().contains("connection: close"))
        }
    }

    @Test("a chunked body over the limit is read and dropped: it reaches the responder flagged, and the connection goes on serving")
    func oversizedChunkedBody() async throws {
        try await withServer(limit: 16) { port in
            let connection = try RawHTTPConnection(port: port)
            let chunk = String(repeating: "x", count: 40)
            connection.write("POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n28\r\n\(chunk)\r\n28\r\n\(chunk)\r\n0\r\n\r\n")
            #expect(await connection.read(until: "tooLarge=true").contains("POST /big query=- bytes=0 tooLarge=true"))
            connection.write("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
            #expect(await connection.read(until: "tooLarge=false").contains("POST /small query=- bytes=3 tooLarge=false"))
        }
    }

    @Test("a declared body over the limit is answered from the head alone, at once, and the connection then closes")
    func oversizedDeclaredBody() async throws {
        try await withServer(limit: 16) { port in
            let connection = try RawHTTPConnection(port: port)
            // Ten gigabytes declared, none sent: the answer cannot wait for them.
            connection.write("POST /huge HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n")
            let (received, end) = await connection.readToEnd()
            #expect(received.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(received)")
            #expect(received.hasSuffix("POST /huge query=- bytes=0 tooLarge=true"), "\(received)")
            #expect(received.lowercased().contains("connection: close"))
            #expect(end == .closed)
        }
    }

    @Test("a client that sends its oversized body anyway reads the answer, and the connection ends without a reset")
    func oversizedBodySentAnyway() async throws {
        try await withServer(limit: 16) { port in
            let connection = try RawHTTPConnection(port: port)
            let body = [UInt8](repeating: UInt8(ascii: "x"), count: 4 * 1024 * 1024)
            connection.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n")
            connection.write(body)
            let (received, end) = await connection.readToEnd()
            #expect(received.hasSuffix("POST /upload query=- bytes=0 tooLarge=true"), "\(received)")
            #expect(end == .closed)
        }
    }

    @Test("Expect: 100-continue with a declared body over the limit gets the answer instead of 100, so the body is never sent")
    func oversizedExpectContinue() async throws {
        try await withServer(limit: 16) { port in
            let connection = try RawHTTPConnection(port: port)
            connection.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
            let (received, end) = await connection.readToEnd()
            #expect(received.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(received)")
            #expect(!received.contains("100 Continue"))
            #expect(received.hasSuffix("POST /upload query=- bytes=0 tooLarge=true"))
            #expect(end == .closed)
        }
    }

    @Test("Expect: 100-continue gets an interim 100 before the body is sent, then the answer")
    func expectContinue() async throws {
        try await withServer { port in
            let connection = try RawHTTPConnection(port: port)
            connection.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(await connection.read(until: "\r\n\r\n").hasPrefix("HTTP/1.1 100 Continue\r\n"))
            connection.write("data")
            #expect(await connection.read(until: "tooLarge=false").contains("POST /upload query=- bytes=4 tooLarge=false"))
        }
    }

    @Test("a malformed request is answered 400 and the connection is closed")
    func malformedRequest() async throws {
        try await withServer { port in
            let connection = try RawHTTPConnection(port: port)
            connection.write("THIS IS NOT HTTP\r\n\r\n")
            let received = await connection.readUntilClosed()
            #expect(received.hasPrefix("HTTP/1.1 400 Bad Request"), "\(received)")
        }
    }

    @Test("a port in use is an error naming the server, the address and the reason")
    func portInUse() async throws {
        try await withServer { port in
            let second = HTTPServer(label: "test server", host: "127.0.0.1", port: port, maximumBodySize: 64, responder: TestServer.describe)
            let error = await #expect(throws: HTTPServerError.self) { try await second.run() }
            #expect(error?.description == "the test server cannot listen on 127.0.0.1:\(port): Address already in use")
        }
    }

    @Test("graceful shutdown finishes the request in flight, then run returns")
    func gracefulShutdown() async throws {
        // The answer waits until shutdown has begun, so the request is surely in flight then.
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let server = HTTPServer(label: "test server", host: "127.0.0.1", port: 0, maximumBodySize: 64) { request in
            startedContinuation.yield()
            for await _ in release { break }
            return await TestServer.describe(request)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run { continuation.yield($0) } }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                let connection = try RawHTTPConnection(port: port)
                connection.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
                for await _ in started { break }
                trigger.triggerGracefulShutdown()
                // Shutdown has begun once new connections are refused; only then may the answer go.
                var refused = false
                for _ in 0..<500 where !refused {
                    refused = (try? RawHTTPConnection(port: port)) == nil
                    if !refused { try await Task.sleep(for: .milliseconds(10)) }
                }
                #expect(refused)
                releaseContinuation.yield()
                let received = await connection.readUntilClosed()
                #expect(received.contains("GET /slow query=- bytes=0 tooLarge=false"), "\(received)")
                // run() returns by itself: the group finishes without being cancelled.
                try await group.waitForAll()
            }
        }
    }

    @Test("a server that does not stop on graceful shutdown keeps its idle connections and accepts new ones until cancelled")
    func servesThroughGracefulShutdown() async throws {
        let stopping = TestServer.make()
        let serving = HTTPServer(
            label: "test server", host: "127.0.0.1", port: 0, maximumBodySize: 64, stopsOnGracefulShutdown: false,
            responder: TestServer.describe)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await stopping.run { continuation.yield($0) } }
                group.addTask { try await serving.run { continuation.yield($0) } }
                var iterator = ports.makeAsyncIterator()
                let first = try #require(await iterator.next()), second = try #require(await iterator.next())
                // Which port is which is not known; an idle connection to each, made before the trigger.
                let idle = [first: try RawHTTPConnection(port: first), second: try RawHTTPConnection(port: second)]
                trigger.triggerGracefulShutdown()
                // The shutdown has reached the servers once one of them refuses new connections.
                var refusing: Int?
                for _ in 0..<500 where refusing == nil {
                    refusing = [first, second].first { (try? RawHTTPConnection(port: $0)) == nil }
                    if refusing == nil { try await Task.sleep(for: .milliseconds(10)) }
                }
                let servingPort = try #require(refusing.map { $0 == first ? second : first })
                for connection in [try #require(idle[servingPort]), try RawHTTPConnection(port: servingPort)] {
                    connection.write("GET /late HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    let received = await connection.readUntilClosed()
                    #expect(received.contains("GET /late query=- bytes=0 tooLarge=false"), "\(received)")
                }
                group.cancelAll()
            }
        }
    }
}
