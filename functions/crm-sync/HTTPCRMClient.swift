import CRMSync
import LambdaHandler
import Synchronization

/// A `CRMClient` over the handler library's blocking keep-alive connection, rooted at an API's
/// URL (`http://host:port/prefix`). A worker serves one invocation at a time, so one connection
/// per API is all it needs, and it costs no event loop at cold start.
final class HTTPCRMClient: CRMClient {
    private let connection: Mutex<HTTPConnection>
    private let pathPrefix: String

    init(baseURL: String) throws(HTTPConnectionError) {
        let (host, port, path) = try HTTPConnectionError.parseURL(baseURL)
        connection = Mutex(HTTPConnection(host: host, port: port))
        pathPrefix = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    func send(_ request: CRMRequest) async throws -> CRMResponse {
        var target = pathPrefix + request.path
        if !request.query.isEmpty {
            target += "?" + request.query.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }.joined(separator: "&")
        }
        var headers = request.headers.map { ($0.name, $0.value) }
        headers.append(("Accept", "application/json"))
        let response = try connection.withLock { connection in
            try connection.send(method: request.method.rawValue, path: target, headers: headers, body: request.body ?? [])
        }
        return CRMResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// RFC 3986 unreserved characters stay; every other byte is `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append(contentsOf: ["%", hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return encoded
    }
}
