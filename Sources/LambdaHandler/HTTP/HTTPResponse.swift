/// A complete HTTP response as `HTTPConnection` read it; header names are lower-cased.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: [UInt8]
}
