import NIOCore
import NIOHTTP1

/// A whole response; the server adds `Content-Length`.
public struct HTTPServerResponse: Sendable {
    public var status: HTTPResponseStatus
    public var headers: HTTPHeaders
    public var body: ByteBuffer

    public init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], bytes: some Sequence<UInt8>) {
        self.init(status: status, headers: headers, body: ByteBuffer(bytes: bytes))
    }
}
