/// A Serverless `httpApi` event: API Gateway's HTTP API invokes the function for `method` `path`
/// with payload format 2.0.
public struct HTTPAPIEvent: Codable, Equatable, Sendable {
    public var method: String
    public var path: String

    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    /// `POST /webhooks/attio`, as API Gateway writes a route key.
    public var routeKey: String { method.uppercased() + " " + path }
}
