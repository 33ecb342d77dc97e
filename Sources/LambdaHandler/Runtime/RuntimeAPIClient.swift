#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Speaks the Lambda Runtime API (`/2018-06-01/runtime/…`) at `AWS_LAMBDA_RUNTIME_API`.
struct RuntimeAPIClient {
    struct Invocation {
        let context: LambdaContext
        let payload: [UInt8]
    }

    private let connection: HTTPConnection
    private let functionName: String
    private let memoryLimitMB: Int

    init(endpoint: String, functionName: String, memoryLimitMB: Int) throws(HTTPConnectionError) {
        let (host, port) = try HTTPConnectionError.parseEndpoint(endpoint)
        connection = HTTPConnection(host: host, port: port)
        self.functionName = functionName
        self.memoryLimitMB = memoryLimitMB
    }

    /// Blocks until the host hands this environment its next invocation.
    func next() throws(HTTPConnectionError) -> Invocation {
        let response = try connection.send(method: "GET", path: "/2018-06-01/runtime/invocation/next")
        guard response.status == 200, let requestID = response.headers["lambda-runtime-aws-request-id"] else {
            throw .malformedResponse
        }
        let context = LambdaContext(
            requestID: requestID,
            deadlineMilliseconds: Int64(response.headers["lambda-runtime-deadline-ms"] ?? "") ?? .max,
            invokedFunctionARN: response.headers["lambda-runtime-invoked-function-arn"] ?? "",
            traceID: response.headers["lambda-runtime-trace-id"],
            clientContext: response.headers["lambda-runtime-client-context"],
            cognitoIdentity: response.headers["lambda-runtime-cognito-identity"],
            functionName: functionName,
            memoryLimitMB: memoryLimitMB
        )
        return Invocation(context: context, payload: response.body)
    }

    func respond(requestID: String, payload: [UInt8]) throws(HTTPConnectionError) {
        _ = try connection.send(
            method: "POST", path: "/2018-06-01/runtime/invocation/\(requestID)/response", body: payload)
    }

    func reportError(requestID: String, _ error: LambdaError) throws(HTTPConnectionError) {
        _ = try connection.send(
            method: "POST", path: "/2018-06-01/runtime/invocation/\(requestID)/error",
            headers: [("Lambda-Runtime-Function-Error-Type", error.errorType)], body: Self.encode(error))
    }

    func reportInitError(_ error: LambdaError) throws(HTTPConnectionError) {
        _ = try connection.send(
            method: "POST", path: "/2018-06-01/runtime/init/error",
            headers: [("Lambda-Runtime-Function-Error-Type", error.errorType)], body: Self.encode(error))
    }

    private static func encode(_ error: LambdaError) -> [UInt8] {
        (try? Array(JSONEncoder().encode(error))) ?? Array(#"{"errorType":"Runtime.Unknown"}"#.utf8)
    }
}
