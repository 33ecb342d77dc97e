@testable import LambdaHandler
import Testing

@Suite("The handler-side HTTP client reads a response head")
struct HTTPConnectionHeadTests {
    private func parse(_ text: String) throws(HTTPConnectionError) -> (status: Int, headers: [String: String]) {
        try HTTPConnection.parseHead(ArraySlice(text.utf8))
    }

    @Test("status, lowercased names and trimmed values; lines without a colon are skipped")
    func head() throws {
        let (status, headers) = try parse(
            "HTTP/1.1 202 Accepted\r\nContent-Type:  application/json \r\nLambda-Runtime-Aws-Request-Id:\tabc\r\nnot a header\r\nX-Empty:")
        #expect(status == 202)
        #expect(headers == ["content-type": "application/json", "lambda-runtime-aws-request-id": "abc", "x-empty": ""])
    }

    @Test("a status line without a reason phrase, and bare line feeds, are read too")
    func leniency() throws {
        #expect(try parse("HTTP/1.1 200\r\nA: 1").status == 200)
        #expect(try parse("HTTP/1.1 404 Not Found\nA: b").headers == ["a": "b"])
    }

    @Test("a head without a numeric status is malformed", arguments: ["", "HTTP/1.1", "HTTP/1.1 abc OK"])
    func malformed(head: String) {
        #expect(throws: HTTPConnectionError.self) { try parse(head) }
    }
}
