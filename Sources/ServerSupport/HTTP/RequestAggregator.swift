import NIOCore
import NIOHTTP1

/// Turns head, body parts and end into one `HTTPServerRequest`, keeping at most `limit` body
/// bytes. Unlike NIO's aggregator it does not answer an oversized request itself: the responder
/// does, in the error shape its clients expect. A client that asks `Expect: 100-continue` (curl
/// does for bodies over 1 KiB) is told to go on at once instead of waiting out its timeout.
final class RequestAggregator: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequest
    typealias OutboundOut = HTTPServerResponsePart

    private let limit: Int
    /// The request being read; NIO's decoder always sends a head before its body and end.
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var bodyTooLarge = false

    init(limit: Int) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = nil
            bodyTooLarge = false
            if head.headers[canonicalForm: "expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                let interim = HTTPResponseHead(version: head.version, status: .continue)
                context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
            }
        case .body(var part):
            guard !bodyTooLarge, (body?.readableBytes ?? 0) + part.readableBytes <= limit else {
                bodyTooLarge = true
                body = nil
                return
            }
            if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
        case .end:
            guard let head else { return }
            let request = HTTPServerRequest(head: head, body: body ?? ByteBuffer(), bodyTooLarge: bodyTooLarge)
            self.head = nil
            body = nil
            context.fireChannelRead(wrapInboundOut(request))
        }
    }
}
