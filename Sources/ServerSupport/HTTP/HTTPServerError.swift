#if canImport(Glibc)
import Glibc
#endif
import NIOCore

/// A server that could not start, named so the user knows which of queuelab's endpoints it was.
public struct HTTPServerError: Error, CustomStringConvertible {
    public let label: String
    public let host: String
    public let port: Int
    public let reason: String

    init(label: String, host: String, port: Int, underlying: any Error) {
        self.label = label
        self.host = host
        self.port = port
        if let error = underlying as? IOError {
            reason = String(cString: strerror(error.errnoCode))
        } else {
            reason = "\(underlying)"
        }
    }

    public var description: String {
        "the \(label) cannot listen on \(host):\(port): \(reason)"
    }
}
