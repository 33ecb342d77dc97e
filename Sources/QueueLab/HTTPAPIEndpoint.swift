import FunctionHost

/// What the runtime reports once the manifest's HTTP API listens.
public struct HTTPAPIEndpoint: Sendable {
    /// `http://<host>:<port>` (the bound port when 0 was asked for); a REST API's routes are
    /// under `/<stage>`.
    public let url: String
    /// In the manifest's order.
    public let routes: [HTTPRoute]
}
