/// A route of an API Gateway API to a function: a serverless `httpApi` event (an HTTP API,
/// payload format 2.0) or `http` event (a REST API with the Lambda proxy integration, payload
/// format 1.0).
public struct HTTPRoute: Sendable, Hashable {
    public enum API: Sendable, Hashable, CustomStringConvertible {
        /// An HTTP API: served from the root, as its `$default` stage is.
        case http
        /// A REST API: served under `/<stage>`, as its invoke URL is.
        case rest(stage: String)

        public var description: String {
            switch self {
            case .http: "HTTP API, payload 2.0"
            case .rest: "REST API, payload 1.0"
            }
        }
    }

    /// The method that matches every method a path has no route of its own for.
    public static let anyMethod = "ANY"

    public let api: API
    /// Upper case: `GET`, `POST`, …, or `ANY`.
    public let method: String
    /// `nil`: the HTTP API's `$default` route, which takes what no other route matches.
    public let path: PathTemplate?
    public let function: String

    public init(api: API, method: String, path: PathTemplate?, function: String) {
        self.api = api
        self.method = method
        self.path = path
        self.function = function
    }

    /// API Gateway's route key: `POST /webhooks/{integration}`, `ANY /{proxy+}` or `$default`.
    public var routeKey: String {
        path.map { "\(method) \($0)" } ?? "$default"
    }

    /// What requests are matched against: the path, under the stage for a REST API.
    var servedPath: PathTemplate? {
        guard let path else { return nil }
        switch api {
        case .http: return path
        case .rest(let stage): return path.prefixed(by: stage)
        }
    }

    /// Where the route answers below the gateway's URL, as `queuelab start` lists it.
    public var servedRoute: String {
        servedPath.map { "\(method) \($0)" } ?? "ANY /* ($default)"
    }

    /// Equal for two routes API Gateway would refuse to hold together (`ConflictException`).
    public var conflictKey: String {
        let apiName = switch api {
        case .http: "http"
        case .rest(let stage): "rest/" + stage
        }
        return apiName + " " + method + " " + (path?.shape ?? "$default")
    }
}
