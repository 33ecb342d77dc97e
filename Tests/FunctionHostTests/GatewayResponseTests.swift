@testable import FunctionHost
import NIOCore
import NIOHTTP1
import ServerSupport
import Testing

@Suite("What the gateway answers with: AWS's response rules for payload formats 2.0 and 1.0")
struct GatewayResponseTests {
    static func httpAPI(_ payload: String) -> HTTPServerResponse {
        IntegrationResult.returned(Array(payload.utf8)).httpAPIResponse()
    }

    static func restAPI(_ payload: String) -> HTTPServerResponse {
        IntegrationResult.returned(Array(payload.utf8)).restAPIResponse()
    }

    static func body(_ response: HTTPServerResponse) -> String {
        String(buffer: response.body)
    }

    static func expectError(
        _ response: HTTPServerResponse, _ status: HTTPResponseStatus, _ body: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(Self.body(response) == body, sourceLocation: sourceLocation)
        #expect(response.headers["Content-Type"] == ["application/json"], sourceLocation: sourceLocation)
    }

    // MARK: 2.0

    @Test("2.0: an object with statusCode is the response: headers, multiValueHeaders (winning a name in both), cookies as Set-Cookie, body")
    func customResponse() {
        let response = Self.httpAPI("""
            {"statusCode": 201, "headers": {"Content-Type": "application/json", "X-Version": 2, "X-Both": "single"},
             "multiValueHeaders": {"x-both": ["first", "second"], "X-List": ["a", "b"]},
             "cookies": ["session=abc; Path=/; HttpOnly", "theme=dark"], "body": "{\\"created\\": true}"}
            """)
        #expect(response.status == .created)
        #expect(response.headers["Content-Type"] == ["application/json"])
        #expect(response.headers["X-Version"] == ["2"])
        #expect(response.headers["X-Both"] == ["first", "second"])
        #expect(response.headers["X-List"] == ["a", "b"])
        #expect(response.headers["Set-Cookie"] == ["session=abc; Path=/; HttpOnly", "theme=dark"])
        #expect(Self.body(response) == #"{"created": true}"#)
    }

    @Test("2.0: a base64 body is decoded; without Content-Type the answer is text/plain; framing headers are the gateway's")
    func binaryAndDefaults() {
        let response = Self.httpAPI("""
            {"statusCode": 200, "isBase64Encoded": true, "body": "AP8B",
             "headers": {"Content-Length": "999", "Transfer-Encoding": "chunked", "Connection": "close"}}
            """)
        #expect(response.status == .ok)
        #expect(Array(buffer: response.body) == [0, 255, 1])
        #expect(response.headers["Content-Type"] == ["text/plain; charset=utf-8"])
        for name in ["Content-Length", "Transfer-Encoding", "Connection"] {
            #expect(response.headers[name].isEmpty, "\(name)")
        }
        let empty = Self.httpAPI(#"{"statusCode": 204}"#)
        #expect(empty.status == .noContent)
        #expect(empty.body.readableBytes == 0)
    }

    @Test(
        "2.0: valid JSON without statusCode is a 200 application/json whose body is the function's response (a string as its text)",
        arguments: [
            (#""Hello from Lambda!""#, "Hello from Lambda!"),
            (#"{ "message": "Hello from Lambda!" }"#, #"{ "message": "Hello from Lambda!" }"#),
            ("42", "42"),
            ("null", "null"),
            (#"[1, "two"]"#, #"[1, "two"]"#),
            (#"{"StatusCode": 404}"#, #"{"StatusCode": 404}"#),
        ])
    func inferredResponse(payload: String, body: String) {
        let response = Self.httpAPI(payload)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == ["application/json"])
        #expect(Self.body(response) == body)
    }

    @Test(
        "2.0: a payload that is not JSON, or a malformed response, is 500 Internal Server Error",
        arguments: [
            "not json", "",
            #"{"statusCode": "200"}"#, #"{"statusCode": 99}"#, #"{"statusCode": 600}"#, #"{"statusCode": 200.5}"#, #"{"statusCode": null}"#,
            #"{"statusCode": 200, "body": {"a": 1}}"#, #"{"statusCode": 200, "isBase64Encoded": true, "body": "not base64!"}"#,
            #"{"statusCode": 200, "isBase64Encoded": "yes"}"#, #"{"statusCode": 200, "headers": ["a"]}"#,
            #"{"statusCode": 200, "headers": {"a": {"b": 1}}}"#, #"{"statusCode": 200, "multiValueHeaders": {"a": "b"}}"#,
            #"{"statusCode": 200, "cookies": [1]}"#,
        ])
    func malformed(payload: String) {
        Self.expectError(Self.httpAPI(payload), .internalServerError, #"{"message":"Internal Server Error"}"#)
    }

    @Test("2.0: a function that failed and an invocation Lambda refused (a throttle) are both 500 Internal Server Error")
    func failures() {
        Self.expectError(IntegrationResult.functionFailed.httpAPIResponse(), .internalServerError, #"{"message":"Internal Server Error"}"#)
        Self.expectError(IntegrationResult.refused.httpAPIResponse(), .internalServerError, #"{"message":"Internal Server Error"}"#)
    }

    // MARK: 1.0

    @Test("1.0: the statusCode object is the response, application/json unless it says otherwise; cookies are not part of the format")
    func restResponse() {
        let response = Self.restAPI("""
            {"statusCode": 200, "headers": {"X-A": "1"}, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
             "cookies": ["ignored=1"], "body": "ok"}
            """)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == ["application/json"])
        #expect(response.headers["X-A"] == ["1"])
        #expect(response.headers["Set-Cookie"] == ["a=1", "b=2"])
        #expect(Self.body(response) == "ok")
        let typed = Self.restAPI(#"{"statusCode": 302, "headers": {"location": "/x", "content-type": "text/html"}}"#)
        #expect(typed.status == .found)
        #expect(typed.headers["Content-Type"] == ["text/html"])
    }

    @Test("1.0: anything but a statusCode object, and a function that failed, is 502; a refused invocation is 500", arguments: [
        #"{"message": "no status"}"#, #""text""#, "42", "not json", #"{"statusCode": 200, "body": 5}"#,
    ])
    func restErrors(payload: String) {
        Self.expectError(Self.restAPI(payload), .badGateway, #"{"message":"Internal server error"}"#)
        Self.expectError(IntegrationResult.functionFailed.restAPIResponse(), .badGateway, #"{"message":"Internal server error"}"#)
        Self.expectError(IntegrationResult.refused.restAPIResponse(), .internalServerError, #"{"message":"Internal server error"}"#)
    }

    @Test("the gateway's own answers: no route, no REST resource, too large")
    func gatewayErrors() {
        Self.expectError(GatewayError.routeNotFound.response, .notFound, #"{"message":"Not Found"}"#)
        Self.expectError(GatewayError.missingAuthenticationToken.response, .forbidden, #"{"message":"Missing Authentication Token"}"#)
        Self.expectError(GatewayError.requestTooLarge.response, .payloadTooLarge, #"{"message":"Request Entity Too Large"}"#)
    }
}
