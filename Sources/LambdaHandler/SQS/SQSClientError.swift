/// An SQS error as the endpoint reported it (`code` is the AWS error code, e.g. `QueueDoesNotExist`),
/// or a client-side failure to reach it.
public struct SQSClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
