import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Primitives
import ServerSupport
import ServiceLifecycle

/// Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`) over a `FunctionHost`,
/// so `aws lambda invoke --endpoint-url` and SDK clients work unchanged.
public struct InvokeAPIServer: Service {
    private let server: HTTPServer
    private let boundPort: OneShot<Int?>
    private let logger: Logger

    /// - Parameter port: 0 picks a free port; `waitUntilListening()` tells which.
    public init(host: FunctionHost, address: String = "127.0.0.1", port: Int = 3002, logger: Logger? = nil) {
        server = HTTPServer(
            label: "Lambda Invoke API", host: address, port: port, maximumBodySize: FunctionHost.synchronousPayloadLimit,
            eventLoopGroup: host.executor.eventLoop
        ) { request in
            await Self.respond(to: request, host: host)
        }
        boundPort = OneShot<Int?>()
        self.logger = logger ?? Logger(label: "queuelab.invoke-api")
    }

    public func run() async throws {
        try await server.run(reportingPortTo: boundPort, logger: logger)
    }

    /// The port the server listens on, once it does; `nil` if it stopped or failed to bind.
    public func waitUntilListening() async -> Int? {
        await boundPort.value()
    }

    /// Accepts a name, a full ARN or a partial ARN, with an optional `:$LATEST` qualifier.
    static func functionName(_ identifier: some StringProtocol) -> String {
        let identifier = String(identifier)
        if !identifier.contains(where: { $0 == "%" || $0 == ":" }) { return identifier }
        let decoded = identifier.removingPercentEncoding ?? identifier
        var parts = decoded.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let functionIndex = parts.firstIndex(of: "function") { parts = Array(parts[(functionIndex + 1)...]) }
        return parts.first ?? decoded
    }

    private static func respond(to request: HTTPServerRequest, host: FunctionHost) async -> HTTPServerResponse {
        // /2015-03-31/functions/{function}/invocations
        let route = request.path.split(separator: "/", omittingEmptySubsequences: false)
        guard request.method == .POST, route.count == 5, route[1] == "2015-03-31", route[2] == "functions",
              route[4] == "invocations", !route[3].isEmpty
        else {
            return HTTPServerResponse(status: .notFound)
        }
        return await invoke(host: host, function: functionName(route[3]), request: request)
    }

    private static func invoke(host: FunctionHost, function: String, request: HTTPServerRequest) async -> HTTPServerResponse {
        guard !request.bodyTooLarge else {
            return errorResponse(.requestTooLarge(limit: FunctionHost.synchronousPayloadLimit))
        }
        let payload = Array(buffer: request.body)
        let invocationType = request.header("X-Amz-Invocation-Type") ?? "RequestResponse"
        do {
            switch invocationType {
            case "RequestResponse":
                let clientContext = request.header("X-Amz-Client-Context").flatMap { Data(base64Encoded: $0) }
                    .map { String(decoding: $0, as: UTF8.self) }
                let result = try await host.invoke(
                    function: function, payload: payload, options: InvokeOptions(clientContext: clientContext))
                return resultResponse(result, tail: request.header("X-Amz-Log-Type") == "Tail")
            case "Event":
                // The event runs, and is retried, under this request id.
                let requestID = try await host.invokeAsynchronously(function: function, payload: payload)
                return HTTPServerResponse(status: .accepted, headers: ["X-Amzn-RequestId": requestID])
            case "DryRun":
                try await host.validateInvoke(function: function, payload: payload)
                return HTTPServerResponse(status: .noContent, headers: ["X-Amzn-RequestId": RandomIdentifier.uuidString()])
            default:
                throw InvokeError.invalidParameter(
                    "1 validation error detected: Value '\(invocationType)' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [RequestResponse, Event, DryRun]")
            }
        } catch let error as InvokeError {
            return errorResponse(error)
        } catch {
            return errorResponse(.hostStopped)
        }
    }

    private static func resultResponse(_ result: InvocationResult, tail: Bool) -> HTTPServerResponse {
        var headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "X-Amzn-RequestId": result.requestID,
            "X-Amz-Executed-Version": "$LATEST",
        ]
        if let functionError = result.functionError { headers.add(name: "X-Amz-Function-Error", value: functionError) }
        if tail { headers.add(name: "X-Amz-Log-Result", value: Data(result.logTail.utf8).base64EncodedString()) }
        return HTTPServerResponse(status: .ok, headers: headers, bytes: result.payload)
    }

    private static func errorResponse(_ error: InvokeError) -> HTTPServerResponse {
        let body = (try? JSONEncoder().encode(error.wireBody)) ?? Data()
        return HTTPServerResponse(
            status: HTTPResponseStatus(statusCode: error.httpStatus),
            headers: [
                "Content-Type": "application/json",
                "X-Amzn-ErrorType": error.code,
                "X-Amzn-RequestId": RandomIdentifier.uuidString(),
            ],
            bytes: body)
    }
}
