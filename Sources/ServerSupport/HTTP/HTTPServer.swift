import NIOCore
import NIOExtras
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// A lean HTTP/1.1 server: SwiftNIO's codec and quiescing helper, one whole request in and
/// one whole response out. Each connection is served in a task on the event loop that owns its
/// socket, so a request is read, answered and written without changing threads. It replaced
/// Hummingbird for the speed targets: see the README's benchmark notes for what each step saved.
/// A connection whose client has gone quiet is closed after `timeouts`, with one timer per
/// connection (none per request).
public struct HTTPServer: Sendable {
    public typealias Responder = @Sendable (HTTPServerRequest) async -> HTTPServerResponse

    /// How errors name the server, e.g. "SQS endpoint".
    public let label: String
    public let host: String
    public let port: Int
    /// Body bytes kept per request; see `HTTPServerRequest.bodyTooLarge`.
    public let maximumBodySize: Int
    public let timeouts: Timeouts
    /// Whether a `ServiceGroup`'s graceful shutdown stops the server. A server whose clients are
    /// what the shutdown waits for (the Runtime API, to the handlers finishing their invocations)
    /// serves on until cancelled.
    public let stopsOnGracefulShutdown: Bool
    private let eventLoopGroup: any EventLoopGroup
    private let responder: Responder

    public init(
        label: String, host: String, port: Int, maximumBodySize: Int, timeouts: Timeouts = Timeouts(),
        stopsOnGracefulShutdown: Bool = true, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        responder: @escaping Responder
    ) {
        self.label = label
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
        self.timeouts = timeouts
        self.stopsOnGracefulShutdown = stopsOnGracefulShutdown
        self.eventLoopGroup = eventLoopGroup
        self.responder = responder
    }

    /// Serves until cancelled or, in a `ServiceGroup` and unless `stopsOnGracefulShutdown` is
    /// off, until graceful shutdown: then it stops accepting, lets each connection finish the
    /// request it is answering, and closes them. `onListening` receives the bound port; a port
    /// that cannot be bound throws `HTTPServerError`.
    public func run(onListening: @Sendable (Int) async -> Void = { _ in }) async throws {
        let quiescing = ServerQuiescingHelper(group: eventLoopGroup)
        let server: NIOAsyncChannel<Connection, Never>
        do {
            server = try await bind(quiescing)
        } catch {
            throw HTTPServerError(label: label, host: host, port: port, underlying: error)
        }
        await onListening(server.channel.localAddress?.port ?? port)
        let responder = responder
        let serve = {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask {
                            await withTaskExecutorPreference(EventLoopTaskExecutor(connection.channel.eventLoop)) {
                                await Self.serve(connection, responder)
                            }
                        }
                    }
                }
            }
        }
        guard stopsOnGracefulShutdown else { return try await serve() }
        try await withGracefulShutdownHandler {
            try await serve()
        } onGracefulShutdown: {
            quiescing.initiateShutdown(promise: nil)
        }
    }

    private typealias Connection = NIOAsyncChannel<HTTPServerRequest, HTTPServerResponsePart>

    private func bind(_ quiescing: ServerQuiescingHelper) async throws -> NIOAsyncChannel<Connection, Never> {
        let maximumBodySize = maximumBodySize
        let timeouts = timeouts
        return try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Requests are answered strictly one after another (see `serve`), so pipelined
                    // requests need no help beyond NIO's codec; `ConnectionHandler` does the rest.
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withPipeliningAssistance: false, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RequestAggregator(limit: maximumBodySize))
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(timeouts: timeouts))
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
    }

    private static func serve(_ connection: Connection, _ responder: Responder) async {
        try? await connection.executeThenClose { requests, responses in
            for try await request in requests {
                var response = await responder(request)
                let keepAlive = request.head.isKeepAlive && !request.bodyUnread
                response.headers.replaceOrAdd(name: "Content-Length", value: String(response.body.readableBytes))
                if !keepAlive { response.headers.replaceOrAdd(name: "Connection", value: "close") }
                let head = HTTPResponseHead(version: request.head.version, status: response.status, headers: response.headers)
                try await responses.write(contentsOf: [.head(head), .body(.byteBuffer(response.body)), .end(nil)])
                if request.bodyUnread {
                    // The client may still be sending the body. Closing now, with its bytes unread,
                    // would make the kernel reset the connection, and a client still uploading would
                    // see the reset instead of the answer; so only the output closes, and what still
                    // comes is dropped until the client closes or `Timeouts.linger` is over.
                    connection.channel.close(mode: .output, promise: nil)
                    continue
                }
                if !keepAlive { return }
            }
        }
    }
}
