import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Primitives
import QueueStore
import ServerSupport

/// Decodes either protocol into an action and a document, performs it, and encodes the answer
/// (or the AWS error) in the protocol the client used.
struct SQSResponder: Sendable {
    /// The largest request AWS's SQS front end takes; it refuses larger ones before SQS sees them.
    static let maximumRequestBytes = 1_662_976

    let actions: SQSActions
    let defaultRegion: String
    let logger: Logger

    enum WireProtocol {
        case json
        case query
    }

    func respond(to request: HTTPServerRequest) async -> HTTPServerResponse {
        guard !request.bodyTooLarge else { return Self.contentLengthExceeded }
        let requestId = RandomIdentifier.uuidString()
        let target = request.header("X-Amz-Target")
        let wireProtocol: WireProtocol = target == nil ? .query : .json
        do throws(SQSError) {
            guard let decoded = try decode(request, target: target ?? "", wireProtocol) else { return Self.unknownOperation }
            let scope = request.header("Authorization").flatMap(SigV4Scope.init(authorization:)) ?? decoded.queryScope
            let sqsContext = SQSRequestContext(
                region: scope?.region ?? defaultRegion,
                senderId: scope?.accessKey ?? actions.store.accountId,
                baseURL: "http://\(request.header("Host") ?? "localhost")",
                path: String(request.path),
                traceHeader: request.header("X-Amzn-Trace-Id"))
            let result = try await actions.perform(decoded.action, AWSInput(decoded.document), sqsContext)
            return encode(result, action: decoded.action, requestId: requestId, wireProtocol)
        } catch {
            if error.code == .internalError {
                logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return encode(error, requestId: requestId, wireProtocol)
        }
    }

    private struct DecodedRequest {
        let action: SQSAction
        let document: AWSValue
        /// The credential scope of a query-signed (presigned) Query request.
        var queryScope: SigV4Scope?
    }

    /// The action and its document; `nil` for a GET that names no action, which AWS answers with
    /// its own XML whatever the client asked for.
    private func decode(_ request: HTTPServerRequest, target: String, _ wireProtocol: WireProtocol) throws(SQSError) -> DecodedRequest? {
        let body = request.body
        switch wireProtocol {
        case .json:
            let name = target.hasPrefix("AmazonSQS.") ? String(target.dropFirst("AmazonSQS.".count)) : ""
            guard let action = SQSAction(rawValue: name) else {
                throw SQSError(.invalidAction, "The action \(name.isEmpty ? target : name) is not valid for this endpoint.")
            }
            return DecodedRequest(action: action, document: try AWSValue.parseJSON(Array(buffer: body)))
        case .query:
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw SQSError(.malformedQueryString, "The request body is not valid UTF-8.")
            }
            let parameters = try QueryRequestDecoder.parameters(text) + QueryRequestDecoder.parameters(String(request.query ?? ""))
            guard let name = parameters.first(where: { $0.0 == "Action" })?.1 else {
                guard request.method != .GET else { return nil }
                throw SQSError(.missingParameter, "The request must contain the parameter Action.")
            }
            // A queue's URL is an endpoint for the actions on that queue only.
            guard let action = SQSAction(rawValue: name), !(action.isAccountWide && SQSRequestContext.namesQueue(request.path)) else {
                throw SQSError(.invalidAction, "The action \(name) is not valid for this endpoint.")
            }
            let credential = parameters.first(where: { $0.0 == "X-Amz-Credential" })?.1
            return DecodedRequest(
                action: action, document: QueryRequestDecoder.document(from: parameters),
                queryScope: credential.flatMap(SigV4Scope.init(credential:)))
        }
    }

    private func encode(_ result: AWSValue?, action: SQSAction, requestId: String, _ wireProtocol: WireProtocol) -> HTTPServerResponse {
        switch wireProtocol {
        case .json:
            return response(.ok, contentType: "application/x-amz-json-1.0", requestId: requestId,
                            body: (result ?? .map([:])).jsonBytes())
        case .query:
            let xml = QueryResponseEncoder.response(action: action.rawValue, result: result, requestId: requestId)
            return response(.ok, contentType: "text/xml", requestId: requestId, body: Array(xml.utf8))
        }
    }

    private func encode(_ error: SQSError, requestId: String, _ wireProtocol: WireProtocol) -> HTTPServerResponse {
        let status = HTTPResponseStatus(statusCode: error.httpStatus)
        switch wireProtocol {
        case .json:
            let body = AWSValue.map(["__type": .string("com.amazonaws.sqs#\(error.shapeName)"), "message": .string(error.message)])
            var response = response(status, contentType: "application/x-amz-json-1.0", requestId: requestId, body: body.jsonBytes())
            response.headers.add(name: "x-amzn-query-error", value: "\(error.queryCode);\(error.isSenderFault ? "Sender" : "Receiver")")
            return response
        case .query:
            let xml = QueryResponseEncoder.error(error, requestId: requestId)
            return response(status, contentType: "text/xml", requestId: requestId, body: Array(xml.utf8))
        }
    }

    /// AWS's front end answers a request over its limit itself: plain text, no request id, in
    /// either protocol.
    private static let contentLengthExceeded = HTTPServerResponse(
        status: .payloadTooLarge, headers: ["Content-Type": "text/plain"],
        bytes: Array("HTTP content length exceeded \(maximumRequestBytes) bytes.".utf8))

    /// AWS's answer to a GET that names no action, as XML even to a client that asked for JSON.
    private static let unknownOperation = HTTPServerResponse(
        status: .notFound, headers: ["Content-Type": "text/xml"], bytes: Array("<UnknownOperationException/>".utf8))

    private func response(_ status: HTTPResponseStatus, contentType: String, requestId: String, body: [UInt8]) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: ["Content-Type": contentType, "x-amzn-RequestId": requestId], bytes: body)
    }
}
