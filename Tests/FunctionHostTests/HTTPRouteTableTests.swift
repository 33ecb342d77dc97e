@testable import FunctionHost
import Testing

@Suite("HTTP routes: path templates and API Gateway's route selection")
struct HTTPRouteTableTests {
    static func route(_ method: String, _ path: String?, _ function: String, api: HTTPRoute.API = .http) throws -> HTTPRoute {
        HTTPRoute(api: api, method: method, path: try path.map { try PathTemplate(parsing: $0) }, function: function)
    }

    /// The example of "Routing API requests" (HTTP API developer guide), with a `POST` of its own.
    static func awsExample() throws -> HTTPRouteTable {
        HTTPRouteTable(routes: [
            try route("GET", "/pets/{proxy+}", "greedyPets"),
            try route("ANY", "/{proxy+}", "greedyRoot"),
            try route("GET", "/pets/dog/{id}", "dogById"),
            try route("GET", "/pets/dog/1", "dogOne"),
            try route("ANY", "/pets/dog/{id}", "anyDog"),
            try route("ANY", nil, "default"),
        ])
    }

    @Test(
        "the most specific route wins: full match, literal before variable, method before ANY, then greedy, then $default",
        arguments: [
            ("GET", "/pets/dog/1", "dogOne"),
            ("GET", "/pets/dog/2", "dogById"),
            ("POST", "/pets/dog/2", "anyDog"),
            ("GET", "/pets/cat/1", "greedyPets"),
            ("GET", "/pets/dog", "greedyPets"),
            ("POST", "/pets/cat/1", "greedyRoot"),
            ("GET", "/", "default"),
            ("DELETE", "/pets", "greedyRoot"),
        ])
    func selection(method: String, path: String, function: String) throws {
        #expect(try Self.awsExample().match(method: method, rawPath: path)?.route.function == function)
    }

    @Test("variables take one non-empty segment, percent-decoded; a greedy one takes the rest, at least one segment")
    func parameters() throws {
        let table = HTTPRouteTable(routes: [
            try Self.route("POST", "/webhooks/{integration}", "webhook"),
            try Self.route("GET", "/files/{path+}", "files"),
        ])
        #expect(table.match(method: "POST", rawPath: "/webhooks/zoho%20crm")?.pathParameters == ["integration": "zoho crm"])
        #expect(table.match(method: "POST", rawPath: "/webhooks/") == nil)
        #expect(table.match(method: "POST", rawPath: "/webhooks/a/b") == nil)
        #expect(table.match(method: "GET", rawPath: "/webhooks/a") == nil, "no route of that method")
        #expect(table.match(method: "GET", rawPath: "/files/a/b%2Fc/d.txt")?.pathParameters == ["path": "a/b/c/d.txt"])
        #expect(table.match(method: "GET", rawPath: "/files") == nil)
        #expect(table.match(method: "GET", rawPath: "/files/") == nil)
    }

    @Test("without $default nothing else matches; the root is a route of its own")
    func noDefault() throws {
        let table = HTTPRouteTable(routes: [try Self.route("GET", "/", "root"), try Self.route("GET", "/a", "a")])
        #expect(table.match(method: "GET", rawPath: "/")?.route.function == "root")
        #expect(table.match(method: "GET", rawPath: "/b") == nil)
        #expect(table.match(method: "GET", rawPath: "/a/") == nil)
    }

    @Test("a REST API's routes answer under its stage, and a request under the stage that matches nothing is the REST API's")
    func restStage() throws {
        let table = HTTPRouteTable(routes: [
            try Self.route("GET", "/users/{id}", "user", api: .rest(stage: "dev")),
            try Self.route("GET", "/", "root", api: .rest(stage: "dev")),
            try Self.route("ANY", "/{proxy+}", "web"),
        ])
        let user = table.match(method: "GET", rawPath: "/dev/users/7")
        #expect(user?.route.function == "user")
        #expect(user?.pathParameters == ["id": "7"])
        #expect(table.match(method: "GET", rawPath: "/dev")?.route.function == "root")
        #expect(table.match(method: "GET", rawPath: "/users/7")?.route.function == "web")
        #expect(table.match(method: "GET", rawPath: "/dev/users/7/x")?.route.function == "web", "the HTTP API's greedy route")
        let restOnly = HTTPRouteTable(routes: [try Self.route("GET", "/users/{id}", "user", api: .rest(stage: "dev"))])
        #expect(restOnly.match(method: "POST", rawPath: "/dev/users/7") == nil)
        #expect(restOnly.isUnderRESTStage(rawPath: "/dev/users/7"))
        #expect(!restOnly.isUnderRESTStage(rawPath: "/prod/users/7"))
    }

    @Test("route keys, served paths and conflicts as API Gateway sees them")
    func routeKeys() throws {
        let webhook = try Self.route("POST", "/webhooks/{integration}", "webhook")
        #expect(webhook.routeKey == "POST /webhooks/{integration}")
        #expect(try Self.route("ANY", nil, "f").routeKey == "$default")
        #expect(try Self.route("GET", "/users/{id}", "f", api: .rest(stage: "dev")).servedRoute == "GET /dev/users/{id}")
        #expect(webhook.conflictKey == (try Self.route("POST", "/webhooks/{name}", "other").conflictKey))
        #expect(webhook.conflictKey != (try Self.route("POST", "/webhooks/{name+}", "other").conflictKey))
        #expect(webhook.conflictKey != (try Self.route("POST", "/webhooks/{name}", "other", api: .rest(stage: "dev")).conflictKey))
    }

    @Test(
        "path templates API Gateway refuses",
        arguments: [
            ("webhooks", "must start with /"),
            ("/a//b", "has an empty segment (//, or / at the end)"),
            ("/a/", "has an empty segment (//, or / at the end)"),
            ("/a/{proxy+}/b", "has the greedy variable '{proxy+}' before its end; it must be the last segment"),
            ("/a/{id}/{id}", "names the variable 'id' twice"),
            ("/a/x{id}", "has 'x{id}': a path variable must be a whole segment, such as {id}"),
            ("/a/{}", "has '{}': a variable's name is letters, digits, _, - and ."),
            ("/a/{b c}", "has '{b c}': a variable's name is letters, digits, _, - and ."),
        ])
    func invalidTemplates(path: String, reason: String) {
        #expect(throws: PathTemplateError(path: path, reason: reason)) { try PathTemplate(parsing: path) }
    }

    @Test("a template prints as written")
    func description() throws {
        #expect(try PathTemplate(parsing: "/webhooks/{integration}/{rest+}").description == "/webhooks/{integration}/{rest+}")
        #expect(try PathTemplate(parsing: "/").description == "/")
    }
}
