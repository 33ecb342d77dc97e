import NIOHTTP1
import ServerSupport
import StrictJSON

extension IntegrationResult {
    /// The `Content-Type` an HTTP API gives a response whose function sets none. AWS does not
    /// document it; `text/plain; charset=utf-8` is what HTTP APIs answer with.
    static let httpAPIDefaultContentType = "text/plain; charset=utf-8"

    /// The HTTP API's answer, by the rules for payload format 2.0 ("Lambda function response for
    /// format 2.0"): a JSON object with `statusCode` is the response; any other JSON value is
    /// the body of a 200 with `Content-Type: application/json` (a string as its text, anything
    /// else as the function wrote it); a function that failed, a payload that is not JSON or a
    /// malformed response is 500 `{"message":"Internal Server Error"}`.
    func httpAPIResponse() -> HTTPServerResponse {
        let payload: [UInt8]
        switch self {
        case .returned(let bytes): payload = bytes
        case .functionFailed: return GatewayError.integrationFailed(.http).response
        case .refused: return GatewayError.invocationRefused(.http).response
        }
        guard let value = try? JSONParser.parse(payload) else { return GatewayError.integrationFailed(.http).response }
        if case .object(let members) = value, members["statusCode"] != nil {
            let response = ProxyResponse(members, takesCookies: true, defaultContentType: Self.httpAPIDefaultContentType)
            return response?.response ?? GatewayError.integrationFailed(.http).response
        }
        let body: [UInt8] = if case .string(let text) = value { Array(text.utf8) } else { payload }
        return HTTPServerResponse(status: .ok, headers: ["Content-Type": "application/json"], bytes: body)
    }
}
