import FunctionHost

/// A route of the manifest's HTTP API (an `httpApi` event) or REST API (an `http` event).
public struct HTTPRouteDeclaration: Sendable, Hashable {
    /// Where it is declared, for errors: `functions.webhook.events[0].httpApi`.
    public let key: String
    public let route: HTTPRoute

    public init(key: String, route: HTTPRoute) {
        self.key = key
        self.route = route
    }
}
