import CRMMock
import Foundation
import LambdaHandler
import StrictJSON

/// The mock CRMs of a running `queuelab start`, seen from another process (`queuelab crm
/// webhook`): their mock-only routes over HTTP.
public struct CRMMockClient: Sendable {
    /// Where `queuelab start` serves them unless told otherwise.
    public static let defaultURL = "http://127.0.0.1:\(CRMMockConfiguration.defaultPort)"

    /// `http://host[:port]`.
    public let url: String
    private let host: String
    private let port: UInt16

    public init(url: String = CRMMockClient.defaultURL) throws(CRMMockClientError) {
        // The same reading of an endpoint URL as the handlers' connection makes.
        guard url.hasPrefix("http://"), let parts = try? HTTPConnectionError.parseURL(url), !parts.host.isEmpty else {
            throw CRMMockClientError(.invalidURL, "'\(url)' is not an http://host:port URL")
        }
        self.url = url
        host = parts.host
        port = parts.port
    }

    /// Fires `integration`'s webhook for person `personId` (`POST /<crm>/_mock/webhooks/fire`):
    /// the mock modifies the person and notifies every webhook registered for person updates,
    /// one after another, before it answers. Blocks until then.
    /// - Returns: one delivery per notification, with the receiver's status.
    public func fireWebhook(integration: String, personId: String) throws(CRMMockClientError) -> [WebhookDelivery] {
        guard let crm = CRM(rawValue: integration) else {
            throw CRMMockClientError(.unknownIntegration, "unknown integration '\(integration)'; \(CRM.unknownNameHint(integration))")
        }
        let response: HTTPResponse
        do throws(HTTPConnectionError) {
            // `JSONEncoder` cannot fail on a dictionary of strings.
            let body = (try? JSONEncoder().encode(["personId": personId])).map(Array.init) ?? []
            response = try HTTPConnection(host: host, port: port).send(
                method: "POST", path: "/\(crm.rawValue)/_mock/webhooks/fire", headers: [("Content-Type", "application/json")],
                body: body)
        } catch .cannotConnect {
            throw CRMMockClientError(.notListening, "no mock CRM at \(url); is `queuelab start` running?")
        } catch {
            throw CRMMockClientError(.badAnswer, "the mock CRM at \(url) did not answer: \(error)")
        }
        guard response.status == 200 else {
            throw CRMMockClientError(.refused, "the mock CRM at \(url) answered \(response.status): \(Self.errorMessage(in: response.body))")
        }
        struct Answer: Decodable {
            let deliveries: [WebhookDelivery]
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(response.body)) else {
            throw CRMMockClientError(.badAnswer, "the server at \(url) is not a QueueLab mock CRM: it answered \(String(decoding: response.body, as: UTF8.self))")
        }
        return answer.deliveries
    }

    /// The message of an error answer, wherever the CRM's error shape puts it (`message`,
    /// `error`, `error.message`); else the body as sent.
    private static func errorMessage(in body: [UInt8]) -> String {
        if case .object(let fields)? = try? JSONParser.parse(body) {
            var nested: JSONValue?
            if case .object(let error)? = fields["error"] { nested = error["message"] }
            for case .string(let message)? in [fields["message"], fields["error"], nested] { return message }
        }
        return String(decoding: body, as: UTF8.self)
    }
}
