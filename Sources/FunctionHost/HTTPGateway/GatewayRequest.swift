import Foundation

/// An HTTP request as the gateway turns it into an event: what the client sent, with what
/// API Gateway's front end adds (the request's id, its time, the caller's address).
public struct GatewayRequest: Sendable {
    public var method: String
    /// The path as sent, percent-encoded, without the query.
    public var rawPath: String
    /// What follows `?` as sent; empty without a query.
    public var rawQueryString: String
    /// In the order received, names as the client wrote them.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var sourceIP: String
    /// `HTTP/1.1`.
    public var httpVersion: String
    public var receivedAt: Date
    /// API Gateway's id of the request (`requestContext.requestId`, the `apigw-requestid` header).
    public var requestID: String
    /// The X-Ray trace header the front end adds, also the invocation's trace.
    public var traceID: String
    /// The gateway's port, for `X-Forwarded-Port`.
    public var port: Int

    public init(
        method: String, rawPath: String, rawQueryString: String = "", headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], sourceIP: String = "127.0.0.1", httpVersion: String = "HTTP/1.1", receivedAt: Date,
        requestID: String, traceID: String, port: Int
    ) {
        self.method = method
        self.rawPath = rawPath
        self.rawQueryString = rawQueryString
        self.headers = headers
        self.body = body
        self.sourceIP = sourceIP
        self.httpVersion = httpVersion
        self.receivedAt = receivedAt
        self.requestID = requestID
        self.traceID = traceID
        self.port = port
    }

    /// Every value of the header `name` (case-insensitive), in order.
    func values(of name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The `Host` the client addressed, which is the API's domain name on AWS.
    var domainName: String {
        values(of: "host").first ?? "localhost"
    }

    /// The first label of the domain name (the API id on AWS).
    var domainPrefix: String {
        String(domainName.prefix { $0 != "." && $0 != ":" })
    }

    /// The headers API Gateway's front end adds to every request, as the event shows them (the
    /// trace header with its root only).
    var forwardingHeaders: [(name: String, value: String)] {
        [("X-Forwarded-For", sourceIP), ("X-Forwarded-Port", String(port)), ("X-Forwarded-Proto", "http"),
         ("X-Amzn-Trace-Id", String(traceID.prefix { $0 != ";" }))]
    }

    /// `requestContext.time`: the Common Log Format's time in UTC, `10/Mar/2020:05:16:23 +0000`.
    var commonLogTime: String {
        let parts = Self.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: receivedAt)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let month = Self.months[((parts.month ?? 1) - 1) % 12]
        return "\(two(parts.day))/\(month)/\(parts.year ?? 1970):\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// `requestContext.timeEpoch`: milliseconds since the epoch.
    var epochMilliseconds: Int64 {
        Int64((receivedAt.timeIntervalSince1970 * 1000).rounded())
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
