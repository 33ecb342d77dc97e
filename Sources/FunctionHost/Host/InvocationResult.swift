import StrictJSON

/// The result of one invocation, as the Invoke API and event source pollers need it.
public struct InvocationResult: Sendable {
    public enum Outcome: String, Sendable, Equatable {
        case succeeded
        /// The function reported an error (`/invocation/{id}/error`).
        case functionError
        case invalidResponse
        case initFailed
        case timedOut
        case outOfMemory
        /// The runtime exited or crashed.
        case runtimeExited
    }

    public let requestID: String
    public let outcome: Outcome
    /// The function's output, or Lambda's error document (`errorType`, `errorMessage`).
    public let payload: [UInt8]
    /// The invocation's log: handler output with START, END and REPORT lines.
    public let logLines: [String]
    public let duration: Duration?
    /// Set when this invocation cold-started an on-demand environment.
    public let initDuration: Duration?
    public let maxMemoryUsedMB: Int

    /// `errorType` and `errorMessage` of Lambda's error document, when the invocation failed (a
    /// payload that is not one gives its first kilobyte as the message).
    public var error: (type: String?, message: String?)? {
        guard outcome != .succeeded else { return nil }
        guard case .object(let members)? = try? JSONParser.parse(payload) else {
            return (nil, payload.isEmpty ? nil : String(decoding: payload.prefix(1024), as: UTF8.self))
        }
        func text(_ key: String) -> String? {
            if case .string(let value)? = members[key] { value } else { nil }
        }
        return (text("errorType"), text("errorMessage"))
    }

    /// `Unhandled` when the invocation failed, as Lambda's `X-Amz-Function-Error` header says.
    public var functionError: String? { outcome == .succeeded ? nil : "Unhandled" }

    /// The last 4 KB of the log, as `LogType: Tail` returns it.
    public var logTail: String {
        let text = logLines.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        return String(decoding: bytes.suffix(4096), as: UTF8.self)
    }

    /// A result as the host would report it, for tests of what reads results.
    init(requestID: String, outcome: Outcome, payload: [UInt8], duration: Duration? = nil, initDuration: Duration? = nil) {
        self.requestID = requestID
        self.outcome = outcome
        self.payload = payload
        logLines = []
        self.duration = duration
        self.initDuration = initDuration
        maxMemoryUsedMB = 0
    }

    init(_ result: EnvironmentInvocationResult) {
        requestID = result.requestID
        payload = result.end.payload(requestID: result.requestID)
        logLines = result.logLines
        duration = result.report?.duration
        initDuration = result.report?.initDuration
        maxMemoryUsedMB = result.report?.maxMemoryUsedMB ?? 0
        outcome = switch result.end {
        case .response: .succeeded
        case .functionError: .functionError
        case .invalidResponse: .invalidResponse
        case .initFailed: .initFailed
        case .timedOut: .timedOut
        case .processExited(.outOfMemory): .outOfMemory
        case .processExited, .notDelivered: .runtimeExited
        }
    }
}
