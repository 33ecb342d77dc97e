import NIOCore
import NIOHTTP1

/// One whole request: its head and its body, read up to the server's limit.
public struct HTTPServerRequest: Sendable {
    public let head: HTTPRequestHead
    /// The body as read; empty when there was none, incomplete when `bodyTooLarge`.
    public let body: ByteBuffer
    /// The body went past the server's limit; the rest of it was read and dropped, so the
    /// responder can still answer with its own error shape.
    public let bodyTooLarge: Bool

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
