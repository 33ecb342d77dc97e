import NIOCore
import NIOHTTP1

/// Ends a connection on graceful shutdown without cutting an answer short: at once when no request
/// is waiting for its response, otherwise as soon as the last response has been written.
/// (NIO's pipelining handler does this too, but it also stops and restarts reading around every
/// request, two `epoll_ctl` calls a request that the strictly sequential server does not need.)
final class QuiescingHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequest
    typealias InboundOut = HTTPServerRequest
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Requests read whose response has not been completely written.
    private var unanswered = 0
    private var quiescing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        unanswered += 1
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        unanswered -= 1
        guard quiescing, unanswered == 0 else {
            context.write(data, promise: promise)
            return
        }
        let written = promise ?? context.eventLoop.makePromise()
        context.write(data, promise: written)
        written.futureResult.whenComplete { _ in context.close(promise: nil) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        quiescing = true
        if unanswered == 0 { context.close(promise: nil) }
    }
}
