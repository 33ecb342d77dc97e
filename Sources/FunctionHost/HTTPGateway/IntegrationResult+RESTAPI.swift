import ServerSupport
import StrictJSON

extension IntegrationResult {
    /// The `Content-Type` a REST API gives a response whose function sets none.
    static let restAPIDefaultContentType = "application/json"

    /// The REST API's answer, by the rules for the Lambda proxy integration (payload format 1.0):
    /// the function must return `{statusCode, …}`; anything else, and a function that failed, is
    /// 502 `{"message": "Internal server error"}` ("Handling Lambda errors with an API Gateway
    /// API"); an invocation Lambda refused is 500 with the same message.
    func restAPIResponse() -> HTTPServerResponse {
        switch self {
        case .returned(let payload):
            guard case .object(let members)? = try? JSONParser.parse(payload),
                  let response = ProxyResponse(members, takesCookies: false, defaultContentType: Self.restAPIDefaultContentType)
            else { return GatewayError.integrationFailed(.rest).response }
            return response.response
        case .functionFailed: return GatewayError.integrationFailed(.rest).response
        case .refused: return GatewayError.invocationRefused(.rest).response
        }
    }
}
