import FunctionHost
import StrictJSON

extension PlanBuilder {
    /// The methods the Serverless Framework's schema accepts (`*` is ANY).
    static let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]
    static let httpAPIEventKeys = ["authorizer", "method", "path"]
    /// `authorizer`, `cors`, `private` (API keys) and `request` (validation) are accepted and not applied locally.
    static let restEventKeys = ["authorizer", "cors", "integration", "method", "operationId", "path", "private", "request"]
    /// The Lambda proxy integration, as the framework spells it; `lambda` (custom) and the others do not run locally.
    static let proxyIntegrations = ["lambda-proxy", "aws-proxy", "aws_proxy"]
    static let allowedPath = "a path such as /webhooks/{integration} or /files/{proxy+}"

    /// Every `httpApi` event (HTTP API, payload format 2.0), then every `http` event (REST API,
    /// served under the stage), each function's in event order; two events with one route
    /// conflict, as API Gateway refuses them.
    mutating func httpRouteDeclarations() throws(ManifestLoadError) -> [HTTPRouteDeclaration] {
        var declarations: [HTTPRouteDeclaration] = []
        let httpAPIEvents = try serverlessEvents(ofType: "httpApi")
        if !httpAPIEvents.isEmpty { try checkHTTPAPIPayloadFormat() }
        for event in httpAPIEvents {
            declarations.append(HTTPRouteDeclaration(
                key: event.key.description, route: try httpAPIRoute(try document.value(at: event.key), at: event.key, function: event.functionName)))
        }
        let restEvents = try serverlessEvents(ofType: "http")
        let stage = restEvents.isEmpty ? "" : try document.stage()
        for event in restEvents {
            declarations.append(HTTPRouteDeclaration(
                key: event.key.description,
                route: try restRoute(try document.value(at: event.key), at: event.key, function: event.functionName, stage: stage)))
        }
        var declaredAt: [String: HTTPRouteDeclaration] = [:]
        for declaration in declarations {
            if let other = declaredAt[declaration.route.conflictKey] {
                throw .invalidValue(
                    file: file, key: declaration.key,
                    detail: "is the route \(declaration.route.routeKey), as \(other.key) is (\(other.route.routeKey)); "
                        + "allowed: one function per route (API Gateway's ConflictException)")
            }
            declaredAt[declaration.route.conflictKey] = declaration
        }
        return declarations
    }

    /// `provider.httpApi.payload`: only format 2.0, the framework's default, is emulated.
    private mutating func checkHTTPAPIPayloadFormat() throws(ManifestLoadError) {
        let key = JSONPath(dotted: "provider.httpApi.payload")
        guard let format = try string(at: key), format != "2.0" else { return }
        throw .invalidValue(
            file: file, key: key.description, detail: "is \"\(format)\": httpApi events run with payload format 2.0 only; allowed: 2.0")
    }

    /// `httpApi: '*'`, `httpApi: 'POST /path'` or `httpApi: {method, path}` (method defaults to `*`).
    private mutating func httpAPIRoute(_ value: JSONValue?, at key: JSONPath, function: String) throws(ManifestLoadError) -> HTTPRoute {
        let method: String
        let path: String
        var pathKey = key
        switch value {
        case .string("*")?:
            return HTTPRoute(api: .http, method: HTTPRoute.anyMethod, path: nil, function: function)
        case .string(let text)?:
            guard let parts = Self.methodAndPath(text) else {
                throw evaluator.invalid(
                    EvaluatedValue(literal: .string(text)), at: key, allowed: "\"*\", or \"METHOD /path\" such as \"POST /webhooks/{integration}\"")
            }
            (method, path) = (try self.method(parts.method, at: key), parts.path)
        case .object(let members)?:
            try checkKeys(members, allowed: Self.httpAPIEventKeys, at: key)
            method = try self.method(try evaluator.string(members["method"], at: key.appending("method")) ?? "*", at: key.appending("method"))
            pathKey = key.appending("path")
            guard let written = try evaluator.string(members["path"], at: pathKey) else { throw evaluator.missing(at: pathKey) }
            if written == "*" {
                guard method == HTTPRoute.anyMethod else {
                    throw .invalidValue(
                        file: file, key: pathKey.description, detail: "is \"*\" (the $default route), which takes every method; allowed: method \"*\"")
                }
                return HTTPRoute(api: .http, method: method, path: nil, function: function)
            }
            path = written
        default:
            throw evaluator.invalid(
                EvaluatedValue(literal: value ?? .null), at: key, allowed: "\"*\", \"METHOD /path\", or an object with method and path")
        }
        return HTTPRoute(api: .http, method: method, path: try template(path, at: pathKey), function: function)
    }

    /// `http: 'GET users/{id}'` or `http: {method, path, integration, …}`; the framework takes
    /// the path with or without its leading `/`.
    private mutating func restRoute(
        _ value: JSONValue?, at key: JSONPath, function: String, stage: String
    ) throws(ManifestLoadError) -> HTTPRoute {
        let method: String
        let path: String
        var pathKey = key
        switch value {
        case .string(let text)?:
            guard let parts = Self.methodAndPath(text) else {
                throw evaluator.invalid(EvaluatedValue(literal: .string(text)), at: key, allowed: "\"METHOD path\" such as \"GET users/{id}\"")
            }
            (method, path) = (try self.method(parts.method, at: key), parts.path)
        case .object(let members)?:
            try checkKeys(members, allowed: Self.restEventKeys, at: key)
            let integrationKey = key.appending("integration")
            if let integration = try evaluator.string(members["integration"], at: integrationKey),
               !Self.proxyIntegrations.contains(integration.lowercased()) {
                throw .invalidValue(
                    file: file, key: integrationKey.description,
                    detail: "is \"\(integration)\": only the Lambda proxy integration runs locally; allowed: \(Self.proxyIntegrations.joined(separator: ", "))")
            }
            guard let written = try evaluator.string(members["method"], at: key.appending("method")) else { throw evaluator.missing(at: key.appending("method")) }
            method = try self.method(written, at: key.appending("method"))
            pathKey = key.appending("path")
            guard let writtenPath = try evaluator.string(members["path"], at: pathKey) else { throw evaluator.missing(at: pathKey) }
            path = writtenPath
        default:
            throw evaluator.invalid(EvaluatedValue(literal: value ?? .null), at: key, allowed: "\"METHOD path\", or an object with method and path")
        }
        let rooted = path.hasPrefix("/") ? path : "/" + path
        return HTTPRoute(api: .rest(stage: stage), method: method, path: try template(rooted, at: pathKey), function: function)
    }

    /// `POST /path` split at its first run of spaces.
    private static func methodAndPath(_ text: String) -> (method: String, path: String)? {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
    }

    /// A method in any case, `*` and `any` meaning ANY.
    private func method(_ text: String, at key: JSONPath) throws(ManifestLoadError) -> String {
        let method = text == "*" ? HTTPRoute.anyMethod : text.uppercased()
        guard Self.httpMethods.contains(method) else {
            throw evaluator.invalid(EvaluatedValue(literal: .string(text)), at: key, allowed: (Self.httpMethods + ["*"]).joined(separator: ", "))
        }
        return method
    }

    private func template(_ path: String, at key: JSONPath) throws(ManifestLoadError) -> PathTemplate {
        do {
            return try PathTemplate(parsing: path)
        } catch {
            throw .invalidValue(file: file, key: key.description, detail: "is \"\(path)\", which \(error.reason); allowed: \(Self.allowedPath)")
        }
    }

    private func checkKeys(_ members: [String: JSONValue], allowed: [String], at key: JSONPath) throws(ManifestLoadError) {
        for name in members.keys.sorted() where !allowed.contains(name) {
            throw .invalidValue(file: file, key: key.appending(name).description, detail: "is not known; allowed: \(allowed.joined(separator: ", "))")
        }
    }
}
