import Foundation
import StrictJSON

/// The invocation record Lambda sends to an on-failure destination ("Capturing records of Lambda
/// asynchronous invocations"): the request, the last response, and why Lambda gave up.
struct AsyncInvocationRecord: Encodable {
    struct RequestContext: Encodable {
        let requestId: String
        let functionArn: String
        let condition: String
        let approximateInvokeCount: Int
    }

    struct ResponseContext: Encodable {
        let statusCode: Int
        let executedVersion: String
        let functionError: String?
    }

    let version = "1.0"
    let timestamp: String
    let requestContext: RequestContext
    let requestPayload: JSONValue
    /// Absent when the event was never run (its age ran out, or reserved concurrency is 0).
    let responseContext: ResponseContext?
    let responsePayload: JSONValue?

    init(requestID: String, functionARN: String, condition: String, attempts: Int, payload: [UInt8], lastResult: InvocationResult?, at date: Date) {
        timestamp = Self.timestamp(date)
        requestContext = RequestContext(
            requestId: requestID, functionArn: functionARN + ":$LATEST", condition: condition, approximateInvokeCount: attempts)
        requestPayload = Self.json(payload)
        responseContext = lastResult.map {
            ResponseContext(statusCode: 200, executedVersion: "$LATEST", functionError: $0.functionError)
        }
        responsePayload = lastResult.map { Self.json($0.payload) }
    }

    /// ISO 8601 with milliseconds in UTC, as Lambda writes it.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    private static func json(_ bytes: [UInt8]) -> JSONValue {
        (try? JSONParser.parse(bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
    }
}
