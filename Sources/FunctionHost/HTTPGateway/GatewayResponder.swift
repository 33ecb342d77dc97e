import Foundation
import NIOCore
import NIOHTTP1
import Primitives
import ServerSupport

/// Answers one request: finds its route, builds the event of the route's API, invokes the
/// function and turns what comes back into the API's response.
struct GatewayResponder: Sendable {
    /// Awaited by each request that matches a route; `nil`: the host was not created.
    let host: OneShot<FunctionHost?>
    let table: HTTPRouteTable
    /// The gateway's port once bound, for `X-Forwarded-Port`.
    let boundPort: OneShot<Int?>
    /// Like `r3pmxmplak`: one id for the HTTP API and one for the REST API, for this run.
    let httpAPIID = RandomIdentifier.hex(digits: 10)
    let restAPIID = RandomIdentifier.hex(digits: 10)

    func respond(to request: HTTPServerRequest) async -> HTTPServerResponse {
        let gatewayRequest = GatewayRequest(
            method: request.method.rawValue, rawPath: String(request.path), rawQueryString: String(request.query ?? ""),
            headers: request.head.headers.map { (name: $0.name, value: $0.value) }, body: Array(buffer: request.body),
            sourceIP: request.remoteAddress?.ipAddress ?? "127.0.0.1",
            httpVersion: "HTTP/\(request.head.version.major).\(request.head.version.minor)", receivedAt: Date(),
            requestID: Self.newRequestID(), traceID: FunctionHost.newTraceID(), port: boundPort.current.flatMap { $0 } ?? 0)
        guard let match = table.match(method: gatewayRequest.method, rawPath: gatewayRequest.rawPath) else {
            guard table.isUnderRESTStage(rawPath: gatewayRequest.rawPath) else {
                return identified(GatewayError.routeNotFound.response, gatewayRequest, restRequestID: nil)
            }
            return identified(GatewayError.missingAuthenticationToken.response, gatewayRequest, restRequestID: RandomIdentifier.uuidString())
        }
        guard !request.bodyTooLarge else { return identified(GatewayError.requestTooLarge.response, gatewayRequest, restRequestID: nil) }
        guard let host = await host.value() else { return refused(match.route.api, gatewayRequest) }
        let accountID = host.configuration.accountID
        switch match.route.api {
        case .http:
            let event = HTTPAPIEvent(request: gatewayRequest, match: match, apiID: httpAPIID, accountID: accountID)
            let result = await invoke(match.route.function, event, on: host, traceID: gatewayRequest.traceID)
            return identified(result.httpAPIResponse(), gatewayRequest, restRequestID: nil)
        case .rest(let stage):
            let requestID = RandomIdentifier.uuidString()
            let event = RESTAPIEvent(
                request: gatewayRequest, match: match, stage: stage, apiID: restAPIID, accountID: accountID, requestID: requestID)
            let result = await invoke(match.route.function, event, on: host, traceID: gatewayRequest.traceID)
            return identified(result.restAPIResponse(), gatewayRequest, restRequestID: requestID)
        }
    }

    private func invoke(_ function: String, _ event: some Encodable, on host: FunctionHost, traceID: String) async -> IntegrationResult {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let payload = try? encoder.encode(event) else { return .refused }
        do {
            return IntegrationResult(try await host.invoke(function: function, payload: Array(payload), options: InvokeOptions(traceID: traceID)))
        } catch {
            return .refused
        }
    }

    /// The answer when there is no host to invoke (the runtime stopped before its functions
    /// started): API Gateway's answer to Lambda refusing the invocation.
    private func refused(_ api: HTTPRoute.API, _ request: GatewayRequest) -> HTTPServerResponse {
        switch api {
        case .http: identified(IntegrationResult.refused.httpAPIResponse(), request, restRequestID: nil)
        case .rest: identified(IntegrationResult.refused.restAPIResponse(), request, restRequestID: RandomIdentifier.uuidString())
        }
    }

    /// The response with the ids API Gateway adds: `apigw-requestid` on an HTTP API, and on a
    /// REST API `x-amzn-RequestId` with `x-amz-apigw-id`.
    private func identified(_ response: HTTPServerResponse, _ request: GatewayRequest, restRequestID: String?) -> HTTPServerResponse {
        var response = response
        if let restRequestID {
            response.headers.add(name: "x-amzn-RequestId", value: restRequestID)
            response.headers.add(name: "x-amz-apigw-id", value: request.requestID)
        } else {
            response.headers.add(name: "apigw-requestid", value: request.requestID)
        }
        return response
    }

    /// Like `JKJaXmPLvHcESHA=`: 11 random bytes in base64, as API Gateway's request ids are.
    static func newRequestID() -> String {
        let hex = RandomIdentifier.hex(digits: 16) + RandomIdentifier.hex(digits: 6)
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }
}
