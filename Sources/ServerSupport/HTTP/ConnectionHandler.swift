import NIOCore
import NIOHTTP1

/// Ends a connection when its client has gone quiet for too long (see `HTTPServer.Timeouts`) and
/// on graceful shutdown, without cutting an answer short: at once when no request waits for its
/// answer, otherwise as soon as the last one has been written. It sits after the aggregator and
/// still learns of every read, complete request or not, from `channelReadComplete`.
/// (NIO's pipelining handler quiesces too, but it also stops and restarts reading around every
/// request, two `epoll_ctl` calls a request that the strictly sequential server does not need.)
final class ConnectionHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequest
    typealias InboundOut = HTTPServerRequest
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private var state: ConnectionState
    private var timer: Scheduled<Void>?

    init(timeouts: HTTPServer.Timeouts) {
        state = ConnectionState(timeouts: timeouts, now: .now())
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { check(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if timer == nil { check(context: context) }
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        state.requestRead()
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        state.bytesRead(at: .now())
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data), state.answerWritten(at: .now()) else {
            context.write(data, promise: promise)
            return
        }
        let written = promise ?? context.eventLoop.makePromise()
        context.write(data, promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if mode == .output {
            schedule(at: state.outputClosed(at: .now()), context: context)
        }
        context.close(mode: mode, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        if state.quiesce() { context.close(promise: nil) }
    }

    private func check(context: ChannelHandlerContext) {
        switch state.check(at: .now()) {
        case .checkAgain(let deadline):
            schedule(at: deadline, context: context)
        case .close:
            context.close(promise: nil)
        case .requestTimedOut:
            let head = HTTPResponseHead(
                version: .http1_1, status: .requestTimeout, headers: ["Connection": "close", "Content-Length": "0"])
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }

    private func schedule(at deadline: NIODeadline, context: ChannelHandlerContext) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timer = nil
            check(context: context)
        }
    }
}
