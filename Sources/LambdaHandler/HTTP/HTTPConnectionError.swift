/// Why an `HTTPConnection` request failed before a response arrived.
public enum HTTPConnectionError: Error, Equatable, CustomStringConvertible {
    case cannotResolve(String)
    case cannotConnect(host: String, port: UInt16, errno: Int32)
    case connectionClosed
    case malformedResponse
    case invalidEndpoint(String)
    /// The connection speaks plain HTTP only: it serves QueueLab's loopback endpoints.
    case tlsUnsupported(String)

    public var description: String {
        switch self {
        case .cannotResolve(let host): "cannot resolve host \(host)"
        case .cannotConnect(let host, let port, let code): "cannot connect to \(host):\(port) (errno \(code))"
        case .connectionClosed: "connection closed by peer"
        case .malformedResponse: "malformed HTTP response"
        case .invalidEndpoint(let value): "invalid endpoint '\(value)'"
        case .tlsUnsupported(let value): "'\(value)' needs TLS, which this plain HTTP client does not speak"
        }
    }

    /// Splits `host:port` or `http://host:port[/…]` into its parts.
    static func parseEndpoint(_ value: String) throws(HTTPConnectionError) -> (host: String, port: UInt16) {
        let parts = try parseURL(value)
        return (parts.host, parts.port)
    }

    /// Splits `host:port` or `http://host:port[/path]` into its parts; the path is empty when there is none.
    public static func parseURL(_ value: String) throws(HTTPConnectionError) -> (host: String, port: UInt16, path: String) {
        if value.hasPrefix("https://") { throw .tlsUnsupported(value) }
        var rest = Substring(value)
        if let schemeEnd = value.utf8.firstRange(of: "://".utf8)?.upperBound {
            rest = value[schemeEnd...]
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        guard let colon = rest.lastIndex(of: ":"), let port = UInt16(rest[rest.index(after: colon)...]) else {
            if value.hasPrefix("http://"), !rest.isEmpty { return (String(rest), 80, path) }
            throw .invalidEndpoint(value)
        }
        return (String(rest[..<colon]), port, path)
    }
}
