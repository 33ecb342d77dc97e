import Foundation
@testable import FunctionHost
import StrictJSON
import Testing

@Suite("The REST API's event: payload format 1.0 of the Lambda proxy integration")
struct RESTAPIEventTests {
    static let userMatch = HTTPRouteTable.Match(
        route: HTTPRoute(api: .rest(stage: "dev"), method: "GET", path: try! PathTemplate(parsing: "/users/{id}"), function: "users"),
        pathParameters: ["id": "7"])

    static func event(_ request: GatewayRequest, match: HTTPRouteTable.Match = userMatch) throws -> [String: JSONValue] {
        let event = RESTAPIEvent(
            request: request, match: match, stage: "dev", apiID: "abc123defg", accountID: "123456789012",
            requestID: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        guard case .object(let members) = try JSONParser.parse(Array(try JSONEncoder().encode(event))) else {
            Issue.record("not an object")
            return [:]
        }
        return members
    }

    static func request(rawPath: String = "/dev/users/7", query: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []) -> GatewayRequest {
        GatewayRequest(
            method: "GET", rawPath: rawPath, rawQueryString: query, headers: headers, body: body, sourceIP: "192.0.2.7",
            receivedAt: HTTPAPIEventTests.receivedAt, requestID: "JKJaXmPLvHcESHA=", traceID: HTTPAPIEventTests.traceID,
            port: 3000)
    }

    @Test("resource, path without the stage, headers as written (last value) and all values, query both ways, context with the stage")
    func fields() throws {
        let event = try Self.event(Self.request(
            query: "a=1&a=2&b=x%20y", headers: [("Host", "localhost:3000"), ("X-Tag", "one"), ("X-Tag", "two"), ("User-Agent", "curl/8.5.0")],
            body: Array("hello".utf8)))
        #expect(event["resource"] == "/users/{id}")
        #expect(event["path"] == "/users/7")
        #expect(event["httpMethod"] == "GET")
        guard case .object(let headers)? = event["headers"], case .object(let multiValueHeaders)? = event["multiValueHeaders"] else {
            Issue.record("no headers")
            return
        }
        #expect(headers["X-Tag"] == "two")
        #expect(multiValueHeaders["X-Tag"] == ["one", "two"])
        #expect(headers["X-Forwarded-For"] == "192.0.2.7")
        #expect(headers["X-Amzn-Trace-Id"] == "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e")
        #expect(event["queryStringParameters"] == ["a": "2", "b": "x y"])
        #expect(event["multiValueQueryStringParameters"] == ["a": ["1", "2"], "b": ["x y"]])
        #expect(event["pathParameters"] == ["id": "7"])
        #expect(event["stageVariables"] == .null)
        #expect(event["body"] == "hello")
        #expect(event["isBase64Encoded"] == false)
        guard case .object(let context)? = event["requestContext"] else {
            Issue.record("no requestContext")
            return
        }
        #expect(context["accountId"] == "123456789012")
        #expect(context["apiId"] == "abc123defg")
        #expect(context["domainName"] == "localhost:3000")
        #expect(context["domainPrefix"] == "localhost")
        #expect(context["extendedRequestId"] == "JKJaXmPLvHcESHA=")
        #expect(context["requestId"] == "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        #expect(context["httpMethod"] == "GET")
        #expect(context["path"] == "/dev/users/7")
        #expect(context["resourcePath"] == "/users/{id}")
        #expect(context["stage"] == "dev")
        #expect(context["protocol"] == "HTTP/1.1")
        #expect(context["requestTime"] == "10/Mar/2020:05:16:23 +0000")
        #expect(context["requestTimeEpoch"] == .integer(1_583_817_383_220))
        #expect(context["identity"] == ["sourceIp": "192.0.2.7", "userAgent": "curl/8.5.0"])
        guard case .string(let resourceID)? = context["resourceId"] else {
            Issue.record("no resourceId")
            return
        }
        #expect(resourceID.count == 6)
    }

    @Test("parts the request does not have are null, not left out")
    func nulls() throws {
        let root = HTTPRouteTable.Match(
            route: HTTPRoute(api: .rest(stage: "dev"), method: "GET", path: try PathTemplate(parsing: "/"), function: "root"), pathParameters: [:])
        let event = try Self.event(Self.request(rawPath: "/dev"), match: root)
        for key in ["queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "body"] {
            #expect(event[key] == .null, "\(key)")
        }
        #expect(event["resource"] == "/")
        #expect(event["path"] == "/")
    }
}
