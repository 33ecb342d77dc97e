import Foundation
import NIOHTTP1
import ServerSupport

/// What API Gateway answers itself, without the function's response: `{"message": …}` with the
/// status and the wording of each API type (HTTP APIs capitalise "Internal Server Error", REST
/// APIs write "Internal server error").
enum GatewayError: Error, Equatable {
    /// Which kind of API answers: their wording differs.
    enum APIType: Equatable {
        case http
        case rest
    }

    /// No route of an HTTP API matches (and it has no `$default`).
    case routeNotFound
    /// No resource of a REST API matches: REST APIs answer 403, not 404.
    case missingAuthenticationToken
    /// Over API Gateway's 10 MB payload quota.
    case requestTooLarge
    /// The function failed (an error, a timeout, a crash) or answered with something the API
    /// cannot turn into a response.
    case integrationFailed(APIType)
    /// Lambda refused the invocation (a throttle, a payload over 6 MB): API Gateway treats it
    /// as an internal error, 500, on both API types ("Handling Lambda errors with an API Gateway
    /// API", Lambda developer guide). Its own 429 is for its own throttling.
    case invocationRefused(APIType)

    /// API Gateway's payload quota for both API types.
    static let payloadLimit = 10 * 1024 * 1024

    /// The gateway response type REST APIs name it by.
    var code: String {
        switch self {
        case .routeNotFound: "RESOURCE_NOT_FOUND"
        case .missingAuthenticationToken: "MISSING_AUTHENTICATION_TOKEN"
        case .requestTooLarge: "REQUEST_TOO_LARGE"
        case .integrationFailed: "INTEGRATION_FAILURE"
        case .invocationRefused: "DEFAULT_5XX"
        }
    }

    var status: HTTPResponseStatus {
        switch self {
        case .routeNotFound: .notFound
        case .missingAuthenticationToken: .forbidden
        case .requestTooLarge: .payloadTooLarge
        case .integrationFailed(.http): .internalServerError
        case .integrationFailed(.rest): .badGateway
        case .invocationRefused: .internalServerError
        }
    }

    var message: String {
        switch self {
        case .routeNotFound: "Not Found"
        case .missingAuthenticationToken: "Missing Authentication Token"
        case .requestTooLarge: "Request Entity Too Large"
        case .integrationFailed(.http), .invocationRefused(.http): "Internal Server Error"
        case .integrationFailed(.rest), .invocationRefused(.rest): "Internal server error"
        }
    }

    /// The answer on the wire.
    var response: HTTPServerResponse {
        let body = (try? JSONEncoder().encode(["message": message])) ?? Data()
        return HTTPServerResponse(status: status, headers: ["Content-Type": "application/json"], bytes: body)
    }
}
