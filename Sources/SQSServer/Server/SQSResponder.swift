import Foundation
import Hummingbird
import Logging
import NIOCore
import QueueStore

/// Decodes either protocol into an action and a document, performs it, and encodes the answer
/// (or the AWS error) in the protocol the client used.
struct SQSResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Larger than any valid request (1 MiB of message plus encoding), small enough to refuse floods.
    static let maximumRequestBytes = 4 * 1_048_576

    let actions: SQSActions
    let defaultRegion: String
    let logger: Logger

    enum WireProtocol {
        case json
        case query
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestId = RandomIdentifier.uuidString()
        let wireProtocol: WireProtocol = request.headers[.init("X-Amz-Target")!] == nil ? .query : .json
        do {
            let body = try await collectBody(request)
            let (action, document) = try decode(request, body: body, wireProtocol)
            let sqsContext = SQSRequestContext(
                region: SigV4Scope.region(request.headers[.authorization]) ?? defaultRegion,
                senderId: SigV4Scope.accessKey(request.headers[.authorization]) ?? actions.store.accountId,
                baseURL: "http://\(request.head.authority ?? "localhost")",
                path: request.uri.path)
            let result = try await actions.perform(action, AWSInput(document), sqsContext)
            return encode(result, action: action, requestId: requestId, wireProtocol)
        } catch {
            if error.code == .internalError {
                logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return encode(error, requestId: requestId, wireProtocol)
        }
    }

    private func collectBody(_ request: Request) async throws(SQSError) -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: Self.maximumRequestBytes)
        } catch {
            throw SQSError(.requestTooLarge, "Request body exceeds \(Self.maximumRequestBytes) bytes.")
        }
    }

    private func decode(_ request: Request, body: ByteBuffer, _ wireProtocol: WireProtocol) throws(SQSError) -> (SQSAction, AWSValue) {
        switch wireProtocol {
        case .json:
            let target = request.headers[.init("X-Amz-Target")!] ?? ""
            let name = target.hasPrefix("AmazonSQS.") ? String(target.dropFirst("AmazonSQS.".count)) : ""
            guard let action = SQSAction(rawValue: name) else {
                throw SQSError(.invalidAction, "The action \(name.isEmpty ? target : name) is not valid for this endpoint.")
            }
            return (action, try AWSValue.parseJSON(Array(buffer: body)))
        case .query:
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw SQSError(.malformedQueryString, "The request body is not valid UTF-8.")
            }
            let parameters = try QueryRequestDecoder.parameters(text) + QueryRequestDecoder.parameters(request.uri.query ?? "")
            guard let name = parameters.first(where: { $0.0 == "Action" })?.1 else {
                throw SQSError(.missingParameter, "The request must contain the parameter Action.")
            }
            guard let action = SQSAction(rawValue: name) else {
                throw SQSError(.invalidAction, "The action \(name) is not valid for this endpoint.")
            }
            return (action, QueryRequestDecoder.document(from: parameters))
        }
    }

    private func encode(_ result: AWSValue?, action: SQSAction, requestId: String, _ wireProtocol: WireProtocol) -> Response {
        switch wireProtocol {
        case .json:
            return response(.ok, contentType: "application/x-amz-json-1.0", requestId: requestId,
                            body: (result ?? .map([:])).jsonBytes())
        case .query:
            let xml = QueryResponseEncoder.response(action: action.rawValue, result: result, requestId: requestId)
            return response(.ok, contentType: "text/xml", requestId: requestId, body: Array(xml.utf8))
        }
    }

    private func encode(_ error: SQSError, requestId: String, _ wireProtocol: WireProtocol) -> Response {
        let status = HTTPResponse.Status(code: error.httpStatus)
        switch wireProtocol {
        case .json:
            let body = AWSValue.map(["__type": .string("com.amazonaws.sqs#\(error.code.rawValue)"), "message": .string(error.message)])
            var response = response(status, contentType: "application/x-amz-json-1.0", requestId: requestId, body: body.jsonBytes())
            response.headers[.init("x-amzn-query-error")!] = "\(error.queryCode);\(error.isSenderFault ? "Sender" : "Receiver")"
            return response
        case .query:
            let xml = QueryResponseEncoder.error(error, requestId: requestId)
            return response(status, contentType: "text/xml", requestId: requestId, body: Array(xml.utf8))
        }
    }

    private func response(_ status: HTTPResponse.Status, contentType: String, requestId: String, body: [UInt8]) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType, .init("x-amzn-RequestId")!: requestId, .contentLength: String(body.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
