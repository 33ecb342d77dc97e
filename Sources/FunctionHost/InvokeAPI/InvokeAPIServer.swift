import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`) over a `FunctionHost`,
/// so `aws lambda invoke --endpoint-url` and SDK clients work unchanged.
public struct InvokeAPIServer: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>
    private let boundPort: OneShot<Int?>
    private let executor: EventLoopTaskExecutor

    /// - Parameter port: 0 picks a free port; `waitUntilListening()` tells which.
    public init(host: FunctionHost, address: String = "127.0.0.1", port: Int = 3002, logger: Logger? = nil) {
        let router = Router()
        router.post("/2015-03-31/functions/:function/invocations") { request, context -> Response in
            let function = Self.functionName(try context.parameters.require("function"))
            return await Self.invoke(host: host, function: function, request: request)
        }
        let boundPort = OneShot<Int?>()
        var serverLogger = logger ?? Logger(label: "queuelab.invoke-api")
        if logger == nil { serverLogger.logLevel = .warning }
        application = Application(
            router: router,
            configuration: .init(address: .hostname(address, port: port), serverName: nil),
            onServerRunning: { channel in boundPort.fulfil(channel.localAddress?.port) },
            eventLoopGroupProvider: .shared(host.executor.eventLoop),
            logger: serverLogger)
        self.boundPort = boundPort
        executor = host.executor
    }

    public func run() async throws {
        do {
            try await withTaskExecutorPreference(executor) { try await application.run() }
        } catch {
            boundPort.fulfil(nil)
            throw error
        }
        boundPort.fulfil(nil)
    }

    /// The port the server listens on, once it does; `nil` if it stopped or failed to bind.
    public func waitUntilListening() async -> Int? {
        await boundPort.value()
    }

    /// Accepts a name, a full ARN or a partial ARN, with an optional `:$LATEST` qualifier.
    static func functionName(_ identifier: String) -> String {
        if !identifier.contains(where: { $0 == "%" || $0 == ":" }) { return identifier }
        let decoded = identifier.removingPercentEncoding ?? identifier
        var parts = decoded.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let functionIndex = parts.firstIndex(of: "function") { parts = Array(parts[(functionIndex + 1)...]) }
        return parts.first ?? decoded
    }

    private static func invoke(host: FunctionHost, function: String, request: Request) async -> Response {
        var request = request
        let payload: [UInt8]
        do {
            payload = Array(try await request.collectBody(upTo: FunctionHost.synchronousPayloadLimit).readableBytesView)
        } catch {
            return errorResponse(.requestTooLarge(limit: FunctionHost.synchronousPayloadLimit))
        }
        let invocationType = request.headers[.amzInvocationType] ?? "RequestResponse"
        do {
            switch invocationType {
            case "RequestResponse":
                let clientContext = request.headers[.amzClientContext].flatMap { Data(base64Encoded: $0) }
                    .map { String(decoding: $0, as: UTF8.self) }
                let result = try await host.invoke(
                    function: function, payload: payload, options: InvokeOptions(clientContext: clientContext))
                return resultResponse(result, tail: request.headers[.amzLogType] == "Tail")
            case "Event":
                try await host.invokeAsynchronously(function: function, payload: payload)
                return Response(status: .accepted, headers: [.amznRequestID: UUID().uuidString.lowercased()])
            case "DryRun":
                try await host.validateInvoke(function: function, payload: payload)
                return Response(status: .noContent, headers: [.amznRequestID: UUID().uuidString.lowercased()])
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

    private static func resultResponse(_ result: InvocationResult, tail: Bool) -> Response {
        var headers: HTTPFields = [
            .contentType: "application/json",
            .amznRequestID: result.requestID,
            .amzExecutedVersion: "$LATEST",
        ]
        if let functionError = result.functionError { headers[.amzFunctionError] = functionError }
        if tail { headers[.amzLogResult] = Data(result.logTail.utf8).base64EncodedString() }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: result.payload)))
    }

    private static func errorResponse(_ error: InvokeError) -> Response {
        let body = (try? JSONEncoder().encode(error.wireBody)) ?? Data()
        return Response(
            status: .init(code: error.httpStatus),
            headers: [
                .contentType: "application/json",
                .amznErrorType: error.code,
                .amznRequestID: UUID().uuidString.lowercased(),
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension HTTPFields.Element.Name {
    static let amzInvocationType = Self("X-Amz-Invocation-Type")!
    static let amzLogType = Self("X-Amz-Log-Type")!
    static let amzClientContext = Self("X-Amz-Client-Context")!
    static let amzLogResult = Self("X-Amz-Log-Result")!
    static let amzFunctionError = Self("X-Amz-Function-Error")!
    static let amzExecutedVersion = Self("X-Amz-Executed-Version")!
    static let amznRequestID = Self("X-Amzn-RequestId")!
    static let amznErrorType = Self("X-Amzn-ErrorType")!
}
