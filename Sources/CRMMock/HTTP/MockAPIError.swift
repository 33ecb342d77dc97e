import NIOHTTP1

/// A request a mock API refuses, with the status it answers; each API writes it in its own
/// error shape (`CRMAPI.errorBody(for:)`).
struct MockAPIError: Error {
    let status: HTTPResponseStatus
    /// A short machine-readable code, in the API's own vocabulary where it has one.
    let code: String
    let message: String
    /// Whole seconds, for 429.
    var retryAfterSeconds: Int?

    init(_ status: HTTPResponseStatus, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func notFound(_ message: String) -> MockAPIError {
        MockAPIError(.notFound, code: "not_found", message)
    }

    /// No route of the API matches.
    static func unknownRoute(_ request: MockRequest) -> MockAPIError {
        MockAPIError(.notFound, code: "not_found", "No route \(request.method) /\(request.segments.joined(separator: "/"))")
    }

    static func badRequest(_ message: String) -> MockAPIError {
        MockAPIError(.badRequest, code: "invalid_request", message)
    }

    static func rateLimited(retryAfterSeconds: Int) -> MockAPIError {
        var error = MockAPIError(.tooManyRequests, code: "rate_limit_exceeded", "Rate limit exceeded; retry after \(retryAfterSeconds) s")
        error.retryAfterSeconds = retryAfterSeconds
        return error
    }

    /// An answer the error rate chose to fail.
    static func injected(_ status: HTTPResponseStatus) -> MockAPIError {
        MockAPIError(status, code: "service_unavailable", "\(status.reasonPhrase) (injected by the mock's error rate)")
    }

    static let bodyTooLarge = MockAPIError(.payloadTooLarge, code: "payload_too_large", "The request body is too large")
}
