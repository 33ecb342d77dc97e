import FunctionHost
import QueueLab
import Testing

@Suite("httpApi and http events → the routes of the HTTP API and the REST API")
struct ManifestHTTPEventsTests {
    typealias Fixture = ManifestFixture

    static func routes(events: String, provider: String = "", stage: String? = nil) throws -> [HTTPRouteDeclaration] {
        try Fixture.plan(Fixture.serverless(provider: provider, worker: #""events": \#(events)"#), stage: stage).httpRoutes
    }

    static func failure(events: String, provider: String = "", functions: String = "") -> String? {
        Fixture.failure(Fixture.serverless(provider: provider, worker: #""events": \#(events)"#, functions: functions))?.description
    }

    static func route(_ api: HTTPRoute.API, _ method: String, _ path: String?, function: String = "worker") throws -> HTTPRoute {
        HTTPRoute(api: api, method: method, path: try path.map { try PathTemplate(parsing: $0) }, function: function)
    }

    @Test("httpApi as '*', 'METHOD /path' and {method, path}: methods in any case, * is ANY, a missing method is ANY, path '*' is $default")
    func httpAPIForms() throws {
        let routes = try Self.routes(events: """
            [{"httpApi": "POST /webhooks/{integration}"},
             {"httpApi": {"method": "get", "path": "/webhooks/{integration}/status"}},
             {"httpApi": {"path": "/files/{proxy+}", "authorizer": {"name": "jwt"}}},
             {"httpApi": "* /any"},
             {"httpApi": "*"},
             {"sqs": "arn:aws:sqs:eu-west-1:123456789012:orders"}]
            """)
        #expect(routes.map(\.key) == (0...4).map { "functions.worker.events[\($0)].httpApi" })
        #expect(try routes.map(\.route) == [
            Self.route(.http, "POST", "/webhooks/{integration}"),
            Self.route(.http, "GET", "/webhooks/{integration}/status"),
            Self.route(.http, "ANY", "/files/{proxy+}"),
            Self.route(.http, "ANY", "/any"),
            Self.route(.http, "ANY", nil),
        ])
        let star = try Self.routes(events: #"[{"httpApi": {"method": "*", "path": "*"}}]"#)
        #expect(star.map(\.route.routeKey) == ["$default"])
    }

    @Test("http as 'METHOD path' (the leading / optional) or {method, path, integration: lambda-proxy}, under the stage (--stage, provider.stage, dev)")
    func restForms() throws {
        let events = """
            [{"http": "GET users/{id}"},
             {"http": {"method": "post", "path": "/users", "integration": "lambda-proxy", "cors": true}},
             {"http": {"method": "any", "path": ""}}]
            """
        #expect(try Self.routes(events: events).map(\.route) == [
            Self.route(.rest(stage: "dev"), "GET", "/users/{id}"),
            Self.route(.rest(stage: "dev"), "POST", "/users"),
            Self.route(.rest(stage: "dev"), "ANY", "/"),
        ])
        #expect(try Self.routes(events: events, provider: #""stage": "prod""#).first?.route.api == .rest(stage: "prod"))
        #expect(try Self.routes(events: events, provider: #""stage": "prod""#, stage: "qa").first?.route.servedRoute == "GET /qa/users/{id}")
    }

    @Test("a manifest without httpApi or http events has no routes")
    func none() throws {
        #expect(try Self.routes(events: #"[{"schedule": "rate(1 minute)"}]"#).isEmpty)
    }

    @Test(
        "a bad httpApi or http event is an error naming the key and what is allowed",
        arguments: [
            (#"[{"httpApi": "POST"}]"#, #"functions.worker.events[0].httpApi: is "POST"; allowed: "*", or "METHOD /path" such as "POST /webhooks/{integration}""#),
            (#"[{"httpApi": "FETCH /a"}]"#, #"functions.worker.events[0].httpApi: is "FETCH"; allowed: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY, *"#),
            (#"[{"httpApi": "POST webhooks"}]"#, #"functions.worker.events[0].httpApi: is "webhooks", which must start with /; allowed: a path such as /webhooks/{integration} or /files/{proxy+}"#),
            (#"[{"httpApi": {"method": "GET", "path": "/a/{rest+}/b"}}]"#, "functions.worker.events[0].httpApi.path: is \"/a/{rest+}/b\", which has the greedy variable '{rest+}' before its end; it must be the last segment"),
            (#"[{"httpApi": {"method": "GET", "path": "/a/{id}/{id}"}}]"#, "functions.worker.events[0].httpApi.path: is \"/a/{id}/{id}\", which names the variable 'id' twice"),
            (#"[{"httpApi": {"method": "GET"}}]"#, "functions.worker.events[0].httpApi.path: is required"),
            (#"[{"httpApi": {"method": "GET", "path": "*"}}]"#, #"functions.worker.events[0].httpApi.path: is "*" (the $default route), which takes every method; allowed: method "*""#),
            (#"[{"httpApi": {"method": "GET", "path": "/a", "cors": true}}]"#, "functions.worker.events[0].httpApi.cors: is not known; allowed: authorizer, method, path"),
            (#"[{"httpApi": 5}]"#, #"functions.worker.events[0].httpApi: is 5; allowed: "*", "METHOD /path", or an object with method and path"#),
            (#"[{"http": "GET"}]"#, #"functions.worker.events[0].http: is "GET"; allowed: "METHOD path" such as "GET users/{id}""#),
            (#"[{"http": {"path": "users"}}]"#, "functions.worker.events[0].http.method: is required"),
            (#"[{"http": {"method": "GET", "path": "users", "integration": "lambda"}}]"#, #"functions.worker.events[0].http.integration: is "lambda": only the Lambda proxy integration runs locally; allowed: lambda-proxy, aws-proxy, aws_proxy"#),
            (#"[{"http": {"method": "GET", "path": "users", "async": true}}]"#, "functions.worker.events[0].http.async: is not known; allowed: authorizer, cors, integration, method, operationId, path, private, request"),
            (#"[{"http": {"method": "GET", "path": "users//x"}}]"#, "functions.worker.events[0].http.path: is \"/users//x\", which has an empty segment"),
        ])
    func invalidEvents(events: String, expected: String) {
        let message = Self.failure(events: events)
        #expect(message?.hasPrefix("InvalidManifestValue: serverless.json: " + expected) == true, "\(message ?? "no error")")
    }

    @Test("two events with one route conflict, as API Gateway refuses them, even with other variable names; HTTP and REST routes do not")
    func conflicts() throws {
        let message = Self.failure(
            events: #"[{"httpApi": "POST /webhooks/{integration}"}]"#,
            functions: #""other": {"handler": "other", "events": [{"httpApi": {"method": "post", "path": "/webhooks/{name}"}}]}"#)
        #expect(message == "InvalidManifestValue: serverless.json: functions.worker.events[0].httpApi: is the route POST /webhooks/{integration}, "
            + "as functions.other.events[0].httpApi is (POST /webhooks/{name}); allowed: one function per route (API Gateway's ConflictException)")
        #expect(Self.failure(events: #"[{"httpApi": "*"}, {"httpApi": {"method": "*", "path": "*"}}]"#)?.contains("is the route $default") == true)
        #expect(try Self.routes(events: #"[{"httpApi": "GET /users"}, {"http": "GET users"}, {"httpApi": "POST /users"}]"#).count == 3)
    }

    @Test("provider.httpApi.payload other than 2.0 is refused: payload format 1.0 for httpApi is not emulated")
    func payloadFormat() throws {
        #expect(Self.failure(events: #"[{"httpApi": "*"}]"#, provider: #""httpApi": {"payload": "1.0"}"#)
            == #"InvalidManifestValue: serverless.json: provider.httpApi.payload: is "1.0": httpApi events run with payload format 2.0 only; allowed: 2.0"#)
        #expect(try Self.routes(events: #"[{"httpApi": "*"}]"#, provider: #""httpApi": {"payload": "2.0"}"#).count == 1)
    }
}
