import Foundation
import QueueLab
import TestSupport
import Testing

@Suite("The HTTP API end to end: httpApi and http routes to Python handlers, over real HTTP", .serialized)
struct HTTPAPITests {
    /// Functions of `Tests/Fixtures/python/webhook.py` behind an HTTP API and a REST API (stage `test`).
    static func manifest() throws -> String {
        func function(_ handler: String, _ events: [Any], settings: [String: Any] = [:]) -> [String: Any] {
            settings.merging(["handler": "webhook." + handler, "events": events]) { _, new in new }
        }
        let manifest: [String: Any] = [
            "service": "webhooks", "frameworkVersion": "3",
            "provider": ["name": "aws", "runtime": "python3.11", "stage": "test", "memorySize": 128, "timeout": 10],
            "functions": [
                "echo": function("echo", [
                    ["httpApi": "POST /webhooks/{integration}"],
                    ["httpApi": ["method": "get", "path": "/webhooks/{integration}"]],
                    ["httpApi": ["method": "*", "path": "/files/{proxy+}"]],
                ]),
                "reverse": function("reverse", [["httpApi": "POST /upload"]]),
                "text": function("text", [["httpApi": "GET /text"]]),
                "record": function("record", [["httpApi": "GET /record"]]),
                "fail": function("fail", [["httpApi": "GET /fail"]]),
                "throttled": function("text", [["httpApi": "GET /throttled"]], settings: ["reservedConcurrency": 0]),
                "legacy": function("legacy", [["http": "GET users/{id}"]]),
                "legacyBare": function("legacy_bare", [["http": ["method": "post", "path": "users", "integration": "lambda-proxy"]]]),
            ],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A new folder holding the handler and a link to the package's venv, where `queuelab start`
    /// runs python3.* functions with `./.venv/bin/python`.
    static func webhookDirectory() throws -> String {
        let directory = TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(atPath: TestPaths.pythonFixtures + "/webhook.py", toPath: directory + "/webhook.py")
        try FileManager.default.createSymbolicLink(atPath: directory + "/.venv", withDestinationPath: TestPaths.packageRoot + "/.venv")
        return directory
    }

    /// Runs the manifest with the handler beside it, the HTTP API on a free port.
    static func withGateway<T: Sendable>(
        configure: @escaping (inout RuntimeConfiguration) -> Void = { _ in }, _ body: @Sendable (RunningRuntime, HTTPClient) async throws -> T
    ) async throws -> T {
        let workspace = Workspace()
        defer { workspace.remove() }
        try FileManager.default.copyItem(atPath: TestPaths.pythonFixtures + "/webhook.py", toPath: workspace.directory + "/webhook.py")
        return try await RunningRuntime.with(manifest: try manifest(), statePath: workspace.statePath) { configuration in
            Workspace.compressTime(&configuration)
            configure(&configuration)
        } _: { runtime in
            let http = try #require(runtime.http)
            return try await body(runtime, HTTPClient(baseURL: http.url))
        }
    }

    @Test("a webhook POST reaches its function as a 2.0 event: path parameter, query, headers, cookies, body; its status, headers and cookies come back")
    func webhook() async throws {
        try await Self.withGateway { runtime, client in
            let reply = try await client.send(
                "POST", "/webhooks/zoho%20crm?source=pipedrive&tag=a&tag=b&empty=",
                headers: [("Content-Type", "application/json"), ("X-Signature", "s1"), ("X-Signature", "s2"),
                          ("Cookie", "a=1; b=2"), ("User-Agent", "queuelab-tests")],
                body: Array(#"{"deal": 42}"#.utf8))
            #expect(reply.status == 201, "\(reply.text)")
            #expect(reply.values("Content-Type") == ["application/json"])
            #expect(reply.values("X-Integration") == ["zoho crm"])
            #expect(reply.values("X-Seen-By") == ["gateway", "webhook"])
            #expect(reply.values("Set-Cookie") == ["session=abc123; Path=/; HttpOnly", "theme=dark"])
            let requestID = try #require(reply.values("apigw-requestid").first)
            #expect(requestID.count == 16)
            let event = reply.json
            #expect(event["version"] as? String == "2.0")
            #expect(event["routeKey"] as? String == "POST /webhooks/{integration}")
            #expect(event["rawPath"] as? String == "/webhooks/zoho%20crm")
            #expect(event["rawQueryString"] as? String == "source=pipedrive&tag=a&tag=b&empty=")
            #expect(event["queryStringParameters"] as? [String: String] == ["source": "pipedrive", "tag": "a,b", "empty": ""])
            #expect(event["pathParameters"] as? [String: String] == ["integration": "zoho crm"])
            #expect(event["cookies"] as? [String] == ["a=1", "b=2"])
            #expect(event["body"] as? String == #"{"deal": 42}"#)
            #expect(event["isBase64Encoded"] as? Bool == false)
            let headers = event["headers"] as? [String: String] ?? [:]
            #expect(headers["x-signature"] == "s1,s2")
            #expect(headers["content-type"] == "application/json")
            #expect(headers["content-length"] == "12")
            #expect(headers["cookie"] == nil)
            #expect(headers["x-forwarded-for"] == "127.0.0.1")
            let context = event["requestContext"] as? [String: Any] ?? [:]
            #expect(context["requestId"] as? String == requestID)
            #expect(context["stage"] as? String == "$default")
            #expect(context["accountId"] as? String == "000000000000")
            #expect((context["apiId"] as? String)?.count == 10)
            #expect(context["domainName"] as? String == runtime.http?.url.replacingOccurrences(of: "http://", with: ""))
            let http = context["http"] as? [String: String] ?? [:]
            #expect(http == ["method": "POST", "path": "/webhooks/zoho%20crm", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "queuelab-tests"])
            let epoch = (context["timeEpoch"] as? Int).map { Double($0) / 1000 } ?? 0
            #expect(abs(epoch - Date().timeIntervalSince1970) < 60)

            let status = try await client.send("GET", "/webhooks/attio")
            #expect(status.status == 201)
            #expect(status.json["routeKey"] as? String == "GET /webhooks/{integration}")
            #expect(status.json["queryStringParameters"] == nil, "left out without a query")
            let file = try await client.send("DELETE", "/files/exports/2026/deals.csv")
            #expect(file.json["routeKey"] as? String == "ANY /files/{proxy+}")
            #expect(file.json["pathParameters"] as? [String: String] == ["proxy": "exports/2026/deals.csv"])
        }
    }

    @Test("binary bodies go in base64 and come back decoded; non-object returns are 200 JSON; an error or a throttle is 500; no route is 404")
    func responseRules() async throws {
        try await Self.withGateway { _, client in
            let binary = try await client.send("POST", "/upload", headers: [("Content-Type", "application/octet-stream")], body: [0, 1, 2, 255])
            #expect(binary.status == 200)
            #expect(binary.body == [255, 2, 1, 0])
            #expect(binary.values("Content-Type") == ["application/octet-stream"])
            let textUpload = try await client.send("POST", "/upload", headers: [("Content-Type", "text/plain")], body: Array("abc".utf8))
            #expect(textUpload.text == "cba")

            let text = try await client.send("GET", "/text")
            #expect(text.status == 200)
            #expect(text.values("Content-Type") == ["application/json"])
            #expect(text.text == "plain words")
            let record = try await client.send("GET", "/record")
            #expect(record.status == 200)
            #expect(record.values("Content-Type") == ["application/json"])
            #expect(record.json as? [String: String] == ["received": "/record"])

            for (target, status, body) in [
                ("/fail", 500, #"{"message":"Internal Server Error"}"#),
                ("/throttled", 500, #"{"message":"Internal Server Error"}"#),
                ("/nowhere", 404, #"{"message":"Not Found"}"#),
            ] {
                let reply = try await client.send("GET", target)
                #expect(reply.status == status, "\(target)")
                #expect(reply.text == body, "\(target)")
                #expect(reply.values("Content-Type") == ["application/json"], "\(target)")
            }
            #expect(try await client.send("POST", "/text").status == 404, "no route of that method")
        }
    }

    @Test("http events are a REST API under the stage with the 1.0 event; no statusCode is 502; an unknown resource is 403")
    func restAPI() async throws {
        try await Self.withGateway { _, client in
            let reply = try await client.send("GET", "/test/users/7?x=1&x=2", headers: [("X-Tag", "one")])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.values("Content-Type") == ["application/json"])
            #expect(reply.values("Set-Cookie") == ["a=1", "b=2"])
            #expect(reply.values("x-amzn-RequestId").first?.count == 36)
            let event = reply.json
            #expect(event["resource"] as? String == "/users/{id}")
            #expect(event["path"] as? String == "/users/7")
            #expect(event["httpMethod"] as? String == "GET")
            #expect(event["pathParameters"] as? [String: String] == ["id": "7"])
            #expect(event["queryStringParameters"] as? [String: String] == ["x": "2"])
            #expect(event["multiValueQueryStringParameters"] as? [String: [String]] == ["x": ["1", "2"]])
            #expect((event["headers"] as? [String: String])?["X-Tag"] == "one")
            #expect(event["body"] is NSNull)
            let context = event["requestContext"] as? [String: Any] ?? [:]
            #expect(context["stage"] as? String == "test")
            #expect(context["path"] as? String == "/test/users/7")
            #expect(context["resourcePath"] as? String == "/users/{id}")

            let bare = try await client.send("POST", "/test/users", headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
            #expect(bare.status == 502)
            #expect(bare.text == #"{"message":"Internal server error"}"#)
            let unknown = try await client.send("GET", "/test/nothing")
            #expect(unknown.status == 403)
            #expect(unknown.text == #"{"message":"Missing Authentication Token"}"#)
            #expect(try await client.send("GET", "/users/7").status == 404, "REST routes answer only under their stage")
        }
    }

    @Test("SIGTERM: the HTTP API refuses new connections, answers the request in flight from its function, then queuelab exits 0")
    func shutdownAnswersRequestsInFlight() async throws {
        let directory = try Self.webhookDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let started = directory + "/started", release = directory + "/release"
        let manifest: [String: Any] = [
            "service": "hooks", "provider": ["name": "aws", "runtime": "python3.11"],
            "functions": ["hold": [
                "handler": "webhook.hold", "events": [["httpApi": "GET /hold"]],
                "environment": ["WEBHOOK_STARTED_FILE": started, "WEBHOOK_RELEASE_FILE": release],
            ]],
        ]
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: directory + "/serverless.json"))
        let arguments = ["--state", "state/state.sqlite", "--sqs-port", "0", "--lambda-port", "0", "--http-port", "0", "--quiet"]
        try await QueueLabProcess.with(arguments, in: directory) { queuelab in
            let client = HTTPClient(baseURL: try await queuelab.url(after: "HTTP API listening on "))
            async let held = client.send("GET", "/hold")
            try await waitUntil("the handler started") { FileManager.default.fileExists(atPath: started) }
            kill(queuelab.process.processIdentifier, SIGTERM)
            try await waitUntil("the HTTP API refuses new connections") { (try? await client.send("GET", "/elsewhere")) == nil }
            FileManager.default.createFile(atPath: release, contents: nil)
            let reply = try await held
            #expect(reply.status == 200)
            #expect(reply.text == "released")
            try await waitUntil("queuelab exited") { !queuelab.process.isRunning }
            #expect(queuelab.process.terminationStatus == 0)
        }
    }

    @Test("an HTTP port in use stops start-up with an error naming the HTTP API and the address")
    func portInUse() async throws {
        try await Self.withGateway { runtime, _ in
            let port = try #require(URL(string: runtime.http?.url ?? "")?.port)
            let error = await #expect(throws: (any Error).self) {
                try await Self.withGateway(configure: { $0.httpPort = port }) { _, _ in }
            }
            #expect(error.map { "\($0)" } == "the HTTP API cannot listen on 127.0.0.1:\(port): Address already in use")
        }
    }
}
