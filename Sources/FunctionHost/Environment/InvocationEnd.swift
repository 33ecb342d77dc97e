import Foundation

/// How one invocation ended inside its environment.
enum InvocationEnd: Sendable, Equatable {
    case response([UInt8])
    /// The runtime posted an error document to `/invocation/{id}/error`.
    case functionError(body: [UInt8])
    /// The runtime posted a response that is not JSON.
    case invalidResponse
    /// The runtime posted to `/init/error` before it could serve the invocation.
    case initFailed(body: [UInt8])
    case processExited(ProcessExit)
    case timedOut(seconds: Double)
    /// The environment went away before the invocation reached it; it can run elsewhere.
    case notDelivered

    var succeeded: Bool {
        if case .response = self { true } else { false }
    }

    /// Whether the environment can serve another invocation afterwards.
    var keepsEnvironment: Bool {
        switch self {
        case .response, .functionError, .invalidResponse: true
        default: false
        }
    }

    /// The payload the invoker receives: the function's output or Lambda's error document.
    func payload(requestID: String) -> [UInt8] {
        switch self {
        case .response(let body): return body
        case .functionError(let body), .initFailed(let body): return body
        case .invalidResponse:
            return Self.errorDocument("Runtime.InvalidResponse", "RequestId: \(requestID) Error: the runtime's response is not valid JSON")
        case .processExited(let exit):
            return Self.errorDocument(exit.errorType, "RequestId: \(requestID) Error: Runtime exited with error: \(exit.runtimeMessage)")
        case .timedOut(let seconds):
            return Self.errorDocument(
                "Sandbox.Timedout",
                "RequestId: \(requestID) Error: Task timed out after \(String(format: "%.2f", seconds)) seconds")
        case .notDelivered:
            return Self.errorDocument("ServiceException", "RequestId: \(requestID) Error: the execution environment stopped")
        }
    }

    /// The `Status:`/`Error Type:` suffix of the REPORT line, empty for a successful invocation.
    var reportStatus: String {
        if case .timedOut = self { return "Status: timeout" }
        return runtimeErrorType.map { "Status: error\tError Type: \($0)" } ?? ""
    }

    /// The platform's error type when the runtime, not the function, failed the invocation.
    var runtimeErrorType: String? {
        switch self {
        case .response, .functionError, .notDelivered, .timedOut: nil
        case .invalidResponse: "Runtime.InvalidResponse"
        case .initFailed: "Runtime.InitError"
        case .processExited(let exit): exit.errorType
        }
    }

    private static func errorDocument(_ type: String, _ message: String) -> [UInt8] {
        let document = ["errorType": type, "errorMessage": message]
        return (try? Array(JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))) ?? []
    }
}
