import NIOCore
import NIOHTTP1

/// Turns head, body parts and end into one `HTTPServerRequest`, keeping at most `limit` body
/// bytes. Unlike NIO's aggregator it does not answer an oversized request itself: the responder
/// does, in the error shape its clients expect. A request that declares a body over the limit is
/// handed on with its head alone, at once, and everything the connection receives after it is
/// dropped (the connection ends after the answer). A client that asks `Expect: 100-continue`
/// (curl does for bodies over 1 KiB) is told to go on at once instead of waiting out its timeout,
/// unless its body is too large, which it is then told without sending it.
final class RequestAggregator: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequest
    typealias OutboundOut = HTTPServerResponsePart

    private let limit: Int
    /// The request being read; NIO's decoder always sends a head before its body and end.
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var bodyTooLarge = false
    /// A request declared a body over the limit and was handed on without it.
    private var droppingInput = false

    init(limit: Int) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !droppingInput else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            let (declaredLength, expectsContinue) = Self.bodyHeaders(head.headers)
            if let declaredLength, declaredLength > limit {
                droppingInput = true
                let request = HTTPServerRequest(
                    head: head, body: ByteBuffer(), bodyTooLarge: true, bodyUnread: true,
                    remoteAddress: context.channel.remoteAddress)
                context.fireChannelRead(wrapInboundOut(request))
                return
            }
            self.head = head
            body = nil
            bodyTooLarge = false
            if expectsContinue {
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
            let request = HTTPServerRequest(
                head: head, body: body ?? ByteBuffer(), bodyTooLarge: bodyTooLarge, bodyUnread: false,
                remoteAddress: context.channel.remoteAddress)
            self.head = nil
            body = nil
            context.fireChannelRead(wrapInboundOut(request))
        }
    }

    /// `Content-Length`, if any, and whether the client waits for `100 Continue`, in one pass.
    private static func bodyHeaders(_ headers: HTTPHeaders) -> (declaredLength: Int?, expectsContinue: Bool) {
        var declaredLength: Int?
        var expectsContinue = false
        for (name, value) in headers {
            if declaredLength == nil, name.isASCIICaseInsensitiveEqual(to: "content-length") {
                declaredLength = Int(value)
            } else if name.isASCIICaseInsensitiveEqual(to: "expect") {
                expectsContinue = expectsContinue || value.lowercased().contains("100-continue")
            }
        }
        return (declaredLength, expectsContinue)
    }
}

extension String {
    /// Compares with a lowercase ASCII `name` without allocating, as header names are compared.
    fileprivate func isASCIICaseInsensitiveEqual(to name: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return utf8.elementsEqual(expected) { actual, lower in
            actual == lower || (actual >= UInt8(ascii: "A") && actual <= UInt8(ascii: "Z") && actual + 32 == lower)
        }
    }
}
