#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A small SQS client (AWS JSON 1.0 protocol) for handlers that fan out work to queues.
/// It talks to `AWS_ENDPOINT_URL_SQS`, which the host sets to QueueLab's SQS endpoint.
public final class SQSClient {
    private let connection: HTTPConnection

    /// - Parameter endpoint: `http://host:port`; defaults to `AWS_ENDPOINT_URL_SQS`.
    public init(endpoint: String? = nil) throws(SQSClientError) {
        guard let endpoint = endpoint ?? LambdaRuntime.environment("AWS_ENDPOINT_URL_SQS") else {
            throw SQSClientError(code: "MissingEndpoint", message: "AWS_ENDPOINT_URL_SQS is not set")
        }
        do {
            let (host, port) = try HTTPConnectionError.parseEndpoint(endpoint)
            connection = HTTPConnection(host: host, port: port)
        } catch {
            throw SQSClientError(code: "InvalidEndpoint", message: error.description)
        }
    }

    public func sendMessage(_ message: OutgoingMessage, queueURL: String) throws(SQSClientError) -> SentMessage {
        try call("SendMessage", SendMessageRequest(queueURL: queueURL, message: message))
    }

    /// Sends up to 10 messages in one request; entries are identified by their `id`.
    public func sendMessageBatch(
        _ entries: [BatchEntry], queueURL: String
    ) throws(SQSClientError) -> SendMessageBatchResult {
        try call("SendMessageBatch", SendMessageBatchRequest(QueueUrl: queueURL, Entries: entries))
    }

    /// Makes a received message visible again `seconds` from now (0: at once), e.g. to try a
    /// failed message again sooner than its queue's visibility timeout would.
    public func changeMessageVisibility(receiptHandle: String, queueURL: String, seconds: Int) throws(SQSClientError) {
        let _: EmptyResponse = try call(
            "ChangeMessageVisibility", ChangeMessageVisibilityRequest(QueueUrl: queueURL, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds))
    }

    private func call<Request: Encodable, Response: Decodable>(
        _ action: String, _ request: Request
    ) throws(SQSClientError) -> Response {
        let response: HTTPResponse
        do {
            let body = try JSONEncoder().encode(request)
            response = try connection.send(
                method: "POST", path: "/",
                headers: [("X-Amz-Target", "AmazonSQS.\(action)"), ("Content-Type", "application/x-amz-json-1.0")],
                body: Array(body))
        } catch let error as HTTPConnectionError {
            throw SQSClientError(code: "ConnectionFailed", message: error.description)
        } catch {
            throw SQSClientError(code: "InvalidRequest", message: "\(error)")
        }
        guard response.status == 200 else {
            let wireError = try? JSONDecoder().decode(WireError.self, from: Data(response.body))
            let code = wireError?.__type.split(separator: "#").last.map(String.init) ?? "HTTP\(response.status)"
            throw SQSClientError(code: code, message: wireError?.message ?? String(decoding: response.body, as: UTF8.self))
        }
        do {
            return try JSONDecoder().decode(Response.self, from: Data(response.body))
        } catch {
            throw SQSClientError(code: "InvalidResponse", message: "\(error)")
        }
    }

    private struct WireError: Decodable {
        let __type: String
        let message: String?
    }
}
