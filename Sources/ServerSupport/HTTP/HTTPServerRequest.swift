import NIOCore
import NIOHTTP1

/// One whole request: its head and its body, read up to the server's limit.
public struct HTTPServerRequest: Sendable {
    public let head: HTTPRequestHead
    /// The body as read; empty when there was none, incomplete when `bodyTooLarge`.
    public let body: ByteBuffer
    /// The body is over the server's limit, so the responder can answer with its own error shape.
    /// A body declared that large (`Content-Length`) is not read at all: the request comes as soon
    /// as its head has, and the connection closes after the answer. One sent in chunks is read
    /// and dropped, and the connection goes on.
    public let bodyTooLarge: Bool
    /// The body was declared over the limit and is not read: the connection ends after the answer.
    let bodyUnread: Bool
    /// The client's address, as the connection has it cached (no system call per request).
    public let remoteAddress: SocketAddress?

    public var method: HTTPMethod { head.method }

    /// The path part of the request target, without the query.
    public var path: Substring {
        head.uri.prefix { $0 != "?" }
    }

    /// The query part of the request target (after `?`), if any.
    public var query: Substring? {
        guard let mark = head.uri.firstIndex(of: "?") else { return nil }
        return head.uri[head.uri.index(after: mark)...]
    }

    /// The first value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        head.headers.first(name: name)
    }
}
