import Foundation
import LambdaHandler

/// What invoked the function: its queue's event source mapping, or the HTTP API with a CRM's
/// webhook POST (payload format 2.0). Told apart by the event's shape, as one executable serves both.
enum InvocationEvent: Decodable {
    case sqs(SQSEvent)
    case webhook(HTTPRequest)

    /// The parts of an API Gateway HTTP API request the webhook reads.
    struct HTTPRequest: Decodable {
        var body: String?
        var isBase64Encoded: Bool?

        /// The body's bytes, decoded from base64 when API Gateway encoded it.
        var bodyBytes: [UInt8] {
            guard let body else { return [] }
            guard isBase64Encoded == true else { return Array(body.utf8) }
            return Data(base64Encoded: body).map(Array.init) ?? []
        }
    }

    private enum Shape: String, CodingKey {
        case records = "Records"
        case requestContext
    }

    init(from decoder: any Decoder) throws {
        let shape = try decoder.container(keyedBy: Shape.self)
        if shape.contains(.records) {
            self = .sqs(try SQSEvent(from: decoder))
        } else if shape.contains(.requestContext) {
            self = .webhook(try HTTPRequest(from: decoder))
        } else {
            throw LambdaError(
                errorType: "UnsupportedEvent", errorMessage: "crm-sync serves SQS events and HTTP API requests; this event is neither")
        }
    }
}

/// An HTTP API (payload format 2.0) response.
struct HTTPResponse: Encodable {
    var statusCode: Int
    var headers = ["content-type": "application/json"]
    var body: String

    init<Body: Encodable>(statusCode: Int, json: Body) throws {
        self.statusCode = statusCode
        body = String(decoding: try JSONEncoder().encode(json), as: UTF8.self)
    }
}
