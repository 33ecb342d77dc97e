import Foundation
import Hummingbird
import Logging
import NIOCore

/// The Lambda Runtime API (`/2018-06-01/runtime/…`) for one environment, on its own ephemeral
/// 127.0.0.1 port: the paths carry no environment id, so the address identifies the environment.
struct RuntimeAPIServer: Sendable {
    /// Lambda's limit for a synchronous response payload.
    static let maximumPayloadBytes = 6 * 1024 * 1024
    private let application: Application<RouterResponder<BasicRequestContext>>
    private let executor: EventLoopTaskExecutor

    init(environment: ExecutionEnvironment, executor: EventLoopTaskExecutor, onListening: @escaping @Sendable (Int) -> Void) {
        let router = Router()
        let base = "/2018-06-01/runtime"
        router.get("\(base)/invocation/next") { _, _ -> Response in
            guard let invocation = await environment.nextInvocation() else {
                return Self.json(.gone, ["errorType": "EnvironmentStopped", "errorMessage": "The environment is stopping"])
            }
            return Self.nextResponse(invocation)
        }
        router.post("\(base)/invocation/:requestID/response") { request, context -> Response in
            let requestID = try context.parameters.require("requestID")
            guard let payload = try await Self.collect(request) else {
                // Lambda fails the invocation and tells the runtime its response was too large.
                _ = await environment.postError(requestID: requestID, body: Self.responseTooLarge)
                return Self.json(.contentTooLarge, [
                    "errorType": "RequestEntityTooLarge",
                    "errorMessage": "Exceeded maximum allowed payload size (\(Self.maximumPayloadBytes) bytes).",
                ])
            }
            return Self.accepted(await environment.postResponse(requestID: requestID, payload: payload))
        }
        router.post("\(base)/invocation/:requestID/error") { request, context -> Response in
            let requestID = try context.parameters.require("requestID")
            let body = try await Self.collect(request) ?? []
            return Self.accepted(await environment.postError(requestID: requestID, body: body))
        }
        router.post("\(base)/init/error") { request, _ -> Response in
            let body = try await Self.collect(request) ?? []
            return Self.accepted(await environment.postInitError(body: body))
        }
        // Silent, and without the cost the default handler pays to format the metadata Hummingbird
        // attaches to every request's logger.
        let logger = Logger(label: "queuelab.runtime-api") { _ in SwiftLogNoOpLogHandler() }
        application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            eventLoopGroupProvider: .shared(executor.eventLoop),
            logger: logger)
        self.executor = executor
    }

    /// Serves until the surrounding task is cancelled.
    func run() async throws {
        try await withTaskExecutorPreference(executor) { try await application.run() }
    }

    private static func nextResponse(_ invocation: Invocation) -> Response {
        var headers: HTTPFields = [
            .contentType: "application/json",
            .lambdaRequestID: invocation.requestID,
            .lambdaDeadline: String(invocation.deadlineMilliseconds),
            .lambdaFunctionARN: invocation.functionARN,
            .lambdaTraceID: invocation.traceID,
        ]
        if let clientContext = invocation.clientContext {
            headers[.lambdaClientContext] = clientContext
        }
        if let cognitoIdentity = invocation.cognitoIdentity {
            headers[.lambdaCognitoIdentity] = cognitoIdentity
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: invocation.payload)))
    }

    /// The request body, or `nil` when it exceeds Lambda's payload limit.
    private static func collect(_ request: Request) async throws -> [UInt8]? {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: maximumPayloadBytes)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return nil
        }
    }

    private static let responseTooLarge = Array(
        #"{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes)."}"#.utf8)

    private static func accepted(_ rejection: ExecutionEnvironment.Machine.Rejection?) -> Response {
        switch rejection {
        case nil: Response(status: .accepted, headers: jsonHeaders, body: .init(byteBuffer: acceptedBody))
        case .invalidRequestID: json(.badRequest, ["errorType": "InvalidRequestID", "errorMessage": "Invalid request ID"])
        case .invalidStateTransition:
            json(.forbidden, ["errorType": "InvalidStateTransition", "errorMessage": "State transition is not allowed"])
        }
    }

    /// The answer to every accepted result, encoded once.
    private static let acceptedBody = ByteBuffer(string: #"{"status":"OK"}"#)
    private static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    private static func json(_ status: HTTPResponse.Status, _ fields: [String: String]) -> Response {
        let body = (try? JSONEncoder().encode(fields)) ?? Data()
        return Response(status: status, headers: jsonHeaders, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension HTTPFields.Element.Name {
    static let lambdaRequestID = Self("Lambda-Runtime-Aws-Request-Id")!
    static let lambdaDeadline = Self("Lambda-Runtime-Deadline-Ms")!
    static let lambdaFunctionARN = Self("Lambda-Runtime-Invoked-Function-Arn")!
    static let lambdaTraceID = Self("Lambda-Runtime-Trace-Id")!
    static let lambdaClientContext = Self("Lambda-Runtime-Client-Context")!
    static let lambdaCognitoIdentity = Self("Lambda-Runtime-Cognito-Identity")!
}
