import Foundation
@testable import FunctionHost
import StrictJSON
import Testing

@Suite("The HTTP API's event: payload format 2.0")
struct HTTPAPIEventTests {
    /// 2020-03-10T05:16:23.220Z, the time of the Lambda developer guide's example event.
    static let receivedAt = Date(timeIntervalSince1970: 1_583_817_383.220)

    /// The invocation's trace; the event's header carries its root.
    static let traceID = "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e;Parent=4a0e4bd9fd7b2c2f;Sampled=0"

    static func request(
        method: String = "POST", rawPath: String = "/webhooks/zoho", query: String = "",
        headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) -> GatewayRequest {
        GatewayRequest(
            method: method, rawPath: rawPath, rawQueryString: query, headers: headers, body: body, sourceIP: "192.0.2.7",
            receivedAt: receivedAt, requestID: "JKJaXmPLvHcESHA=", traceID: traceID, port: 3000)
    }

    static let webhookMatch = HTTPRouteTable.Match(
        route: HTTPRoute(api: .http, method: "POST", path: try! PathTemplate(parsing: "/webhooks/{integration}"), function: "webhook"),
        pathParameters: ["integration": "zoho"])

    /// The event as the function receives it: JSON, parsed back.
    static func event(_ request: GatewayRequest, match: HTTPRouteTable.Match = webhookMatch) throws -> [String: JSONValue] {
        let event = HTTPAPIEvent(request: request, match: match, apiID: "r3pmxmplak", accountID: "123456789012")
        guard case .object(let members) = try JSONParser.parse(Array(try JSONEncoder().encode(event))) else {
            Issue.record("not an object")
            return [:]
        }
        return members
    }

    @Test("every field of AWS's example, with the values of this request")
    func fields() throws {
        let event = try Self.event(Self.request(
            query: "parameter1=value1&parameter1=value2&parameter2=value",
            headers: [("Host", "127.0.0.1:3000"), ("User-Agent", "curl/8.5.0"), ("Content-Type", "application/json")],
            body: Array(#"{"id": 7}"#.utf8)))
        #expect(event["version"] == "2.0")
        #expect(event["routeKey"] == "POST /webhooks/{integration}")
        #expect(event["rawPath"] == "/webhooks/zoho")
        #expect(event["rawQueryString"] == "parameter1=value1&parameter1=value2&parameter2=value")
        #expect(event["queryStringParameters"] == ["parameter1": "value1,value2", "parameter2": "value"])
        #expect(event["pathParameters"] == ["integration": "zoho"])
        #expect(event["body"] == #"{"id": 7}"#)
        #expect(event["isBase64Encoded"] == false)
        #expect(event["requestContext"] == [
            "accountId": "123456789012", "apiId": "r3pmxmplak", "domainName": "127.0.0.1:3000", "domainPrefix": "127",
            "http": ["method": "POST", "path": "/webhooks/zoho", "protocol": "HTTP/1.1", "sourceIp": "192.0.2.7", "userAgent": "curl/8.5.0"],
            "requestId": "JKJaXmPLvHcESHA=", "routeKey": "POST /webhooks/{integration}", "stage": "$default",
            "time": "10/Mar/2020:05:16:23 +0000", "timeEpoch": .integer(1_583_817_383_220),
        ])
        #expect(event["cookies"] == nil)
        #expect(event["stageVariables"] == nil)
    }

    @Test("header names are lower case, repeated headers are joined with commas; the front end adds forwarding headers and the length")
    func headers() throws {
        let event = try Self.event(Self.request(headers: [("X-Signature", "a"), ("x-signature", "b"), ("Accept", "*/*")]))
        #expect(event["headers"] == [
            "x-signature": "a,b", "accept": "*/*", "content-length": "0",
            "x-forwarded-for": "192.0.2.7", "x-forwarded-port": "3000", "x-forwarded-proto": "http",
            "x-amzn-trace-id": "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e",
        ])
    }

    @Test("Cookie headers become cookies, one entry per cookie, and leave the headers")
    func cookies() throws {
        let event = try Self.event(Self.request(headers: [("Cookie", "session=abc; theme=dark"), ("Cookie", "lang=en")]))
        #expect(event["cookies"] == ["session=abc", "theme=dark", "lang=en"])
        guard case .object(let headers)? = event["headers"] else { return }
        #expect(headers["cookie"] == nil)
    }

    @Test("query parameters are percent-decoded (names too), a plus stays; a bare name has the empty value")
    func query() throws {
        let event = try Self.event(Self.request(query: "q=caf%C3%A9+au%20lait&flag&na%6De=x"))
        #expect(event["rawQueryString"] == "q=caf%C3%A9+au%20lait&flag&na%6De=x")
        #expect(event["queryStringParameters"] == ["q": "café+au lait", "flag": "", "name": "x"])
    }

    @Test("a request without query, path parameters or body leaves those keys out")
    func absentParts() throws {
        let root = HTTPRouteTable.Match(route: HTTPRoute(api: .http, method: "ANY", path: nil, function: "f"), pathParameters: [:])
        let event = try Self.event(Self.request(method: "GET", rawPath: "/"), match: root)
        for key in ["queryStringParameters", "pathParameters", "body", "cookies"] {
            #expect(event[key] == nil, "\(key)")
        }
        #expect(event["routeKey"] == "$default")
        #expect(event["rawQueryString"] == "")
    }

    @Test(
        "text media types come as text; other bodies, and those that are not UTF-8, come base64-encoded",
        arguments: [
            ("application/json", Array(#"{"a":1}"#.utf8), #"{"a":1}"#, false),
            ("text/plain; charset=utf-8", Array("héllo".utf8), "héllo", false),
            ("Application/XML", Array("<a/>".utf8), "<a/>", false),
            ("application/javascript", Array("f()".utf8), "f()", false),
            ("application/x-www-form-urlencoded", Array("a=1".utf8), "YT0x", true),
            ("application/octet-stream", [0, 255, 1], "AP8B", true),
            ("multipart/form-data; boundary=x", Array("--x".utf8), "LS14", true),
            ("text/plain", [0xFF, 0xFE], "//4=", true),
            (nil, Array("hi".utf8), "aGk=", true),
        ] as [(String?, [UInt8], String, Bool)])
    func bodies(contentType: String?, bytes: [UInt8], body: String, base64: Bool) throws {
        let headers: [(name: String, value: String)] = contentType.map { [("Content-Type", $0)] } ?? []
        let event = try Self.event(Self.request(headers: headers, body: bytes))
        #expect(event["body"] == .string(body))
        #expect(event["isBase64Encoded"] == .bool(base64))
    }
}
