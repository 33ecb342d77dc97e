import Foundation
import NIOCore
import NIOHTTP1
import ServerSupport

/// The Lambda Runtime API (`/2018-06-01/runtime/…`) for one environment, on its own ephemeral
/// 127.0.0.1 port: the paths carry no environment id, so the address identifies the environment.
struct RuntimeAPIServer: Sendable {
    /// Lambda's limit for a synchronous response payload.
    static let maximumPayloadBytes = FunctionHost.synchronousPayloadLimit
    /// A runtime's connection sits idle while its handler works, up to Lambda's 15-minute timeout:
    /// closing it then (as a front end closes idle keep-alive connections) would fail the result.
    static let timeouts = HTTPServer.Timeouts(idle: .hours(1))
    private static let base = "/2018-06-01/runtime"
    private let server: HTTPServer
    private let onListening: @Sendable (Int) -> Void

    init(environment: ExecutionEnvironment, executor: EventLoopTaskExecutor, onListening: @escaping @Sendable (Int) -> Void) {
        server = HTTPServer(
            label: "Runtime API", host: "127.0.0.1", port: 0, maximumBodySize: Self.maximumPayloadBytes, timeouts: Self.timeouts,
            stopsOnGracefulShutdown: false, eventLoopGroup: executor.eventLoop
        ) { request in
            await Self.respond(to: request, environment: environment)
        }
        self.onListening = onListening
    }

    /// Serves until the surrounding task is cancelled, also through the runtime's graceful
    /// shutdown: handlers still post the results of the invocations the shutdown waits for.
    func run() async throws {
        try await server.run(onListening: onListening)
    }

    private static func respond(to request: HTTPServerRequest, environment: ExecutionEnvironment) async -> HTTPServerResponse {
        let path = request.path
        guard path.hasPrefix(base) else { return HTTPServerResponse(status: .notFound) }
        let route = path.dropFirst(base.count).split(separator: "/", omittingEmptySubsequences: false)
        switch (request.method, route.count, route.last) {
        case (.GET, 3, "next") where route[1] == "invocation":
            guard let invocation = await environment.nextInvocation() else {
                return json(.gone, ["errorType": "EnvironmentStopped", "errorMessage": "The environment is stopping"])
            }
            return nextResponse(invocation)
        case (.POST, 4, "response") where route[1] == "invocation":
            let requestID = String(route[2])
            guard !request.bodyTooLarge else {
                // Lambda fails the invocation and tells the runtime its response was too large.
                _ = await environment.postError(requestID: requestID, body: responseTooLarge)
                return json(.payloadTooLarge, [
                    "errorType": "RequestEntityTooLarge",
                    "errorMessage": "Exceeded maximum allowed payload size (\(maximumPayloadBytes) bytes).",
                ])
            }
            return accepted(await environment.postResponse(requestID: requestID, payload: Array(buffer: request.body)))
        case (.POST, 4, "error") where route[1] == "invocation":
            let body = request.bodyTooLarge ? [] : Array(buffer: request.body)
            return accepted(await environment.postError(requestID: String(route[2]), body: body))
        case (.POST, 3, "error") where route[1] == "init":
            let body = request.bodyTooLarge ? [] : Array(buffer: request.body)
            return accepted(await environment.postInitError(body: body))
        default:
            return HTTPServerResponse(status: .notFound)
        }
    }

    private static func nextResponse(_ invocation: Invocation) -> HTTPServerResponse {
        var headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "Lambda-Runtime-Aws-Request-Id": invocation.requestID,
            "Lambda-Runtime-Deadline-Ms": String(invocation.deadlineMilliseconds),
            "Lambda-Runtime-Invoked-Function-Arn": invocation.functionARN,
            "Lambda-Runtime-Trace-Id": invocation.traceID,
        ]
        if let clientContext = invocation.clientContext {
            headers.add(name: "Lambda-Runtime-Client-Context", value: clientContext)
        }
        if let cognitoIdentity = invocation.cognitoIdentity {
            headers.add(name: "Lambda-Runtime-Cognito-Identity", value: cognitoIdentity)
        }
        return HTTPServerResponse(status: .ok, headers: headers, bytes: invocation.payload)
    }

    private static let responseTooLarge = Array(
        #"{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes)."}"#.utf8)

    private static func accepted(_ rejection: ExecutionEnvironment.Machine.Rejection?) -> HTTPServerResponse {
        switch rejection {
        case nil: HTTPServerResponse(status: .accepted, headers: jsonHeaders, body: acceptedBody)
        case .invalidRequestID: json(.badRequest, ["errorType": "InvalidRequestID", "errorMessage": "Invalid request ID"])
        case .invalidStateTransition:
            json(.forbidden, ["errorType": "InvalidStateTransition", "errorMessage": "State transition is not allowed"])
        }
    }

    /// The answer to every accepted result, encoded once.
    private static let acceptedBody = ByteBuffer(string: #"{"status":"OK"}"#)
    private static let jsonHeaders: HTTPHeaders = ["Content-Type": "application/json"]

    private static func json(_ status: HTTPResponseStatus, _ fields: [String: String]) -> HTTPServerResponse {
        let body = (try? JSONEncoder().encode(fields)) ?? Data()
        return HTTPServerResponse(status: status, headers: jsonHeaders, bytes: body)
    }
}
