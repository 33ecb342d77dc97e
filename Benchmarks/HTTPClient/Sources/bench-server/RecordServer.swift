import BenchmarkSupport
import Glibc
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A lean keep-alive HTTP/1.1 server on SwiftNIO, one event loop (the other core is the
/// client's), no pipelining handler: the same shape as QueueLab's own servers.
///
/// - `GET /record` → 200 with `Workload.recordBody`;
/// - `POST /records` → 201 with `Workload.createdBody`;
/// - `GET /connections` → 200 with how many connections it has accepted, so the driver can tell
///   that a warm run kept one connection.
enum RecordServer {
    static func run() async throws {
        let accepted = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup(numberOfThreads: 1))
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                accepted.withLockedValue { $0 += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: false)
                    try channel.pipeline.syncOperations.addHandler(RecordHandler(accepted: accepted))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        print("listening on \(channel.localAddress?.port ?? 0)")
        fflush(nil)  // every stream: the script waits for this line on a pipe
        try await channel.closeFuture.get()
    }
}

