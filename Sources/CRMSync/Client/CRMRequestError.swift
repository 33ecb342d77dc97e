/// A CRM request that failed for good: a status that is not worth retrying, retries used up, no
/// time left before the function's deadline, or an answer that is not the expected JSON.
public struct CRMRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// 4xx and 500: retrying sends the same request to the same answer.
        case rejected = "CRMRequestRejected"
        case retriesExhausted = "CRMRetriesExhausted"
        /// The wait before the next try would end after the function's deadline.
        case deadlineReached = "CRMDeadlineReached"
        case invalidResponse = "CRMInvalidResponse"
    }

    public let code: Code
    /// The last HTTP status, if a response came.
    public let status: Int?
    public let message: String

    public init(_ code: Code, status: Int?, message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
