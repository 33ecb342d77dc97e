import BenchmarkSupport
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Answers each request once its end has arrived; see `RecordServer` for the routes.
final class RecordHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let accepted: NIOLockedValueBox<Int>
    private var requestHead: HTTPRequestHead?

    init(accepted: NIOLockedValueBox<Int>) {
        self.accepted = accepted
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHead = head
        case .body:
            break
        case .end:
            guard let head = requestHead else { return }
            requestHead = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let (status, contentType, body): (HTTPResponseStatus, String, [UInt8]) =
            switch (head.method, head.uri) {
            case (.GET, RequestKind.get.path): (.ok, "application/json", Workload.recordBody)
            case (.POST, RequestKind.post.path): (.created, "application/json", Workload.createdBody)
            case (.GET, "/connections"): (.ok, "text/plain", Array(String(accepted.withLockedValue { $0 }).utf8))
            default: (.notFound, "text/plain", Array("not found".utf8))
            }
        var headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", String(body.count))])
        if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !head.isKeepAlive {
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.whenComplete { _ in boundContext.value.close(promise: nil) }
        }
    }
}
