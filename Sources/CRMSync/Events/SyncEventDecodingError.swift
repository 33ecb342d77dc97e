/// Why an SQS message body is not a sync event. The worker reports that one message as a batch
/// item failure, so it is retried and, if it never decodes, ends in the dead-letter queue with this
/// message in its history.
public struct SyncEventDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case malformedJSON = "MalformedJSON"
        case notAnEvent = "NotAnEvent"
        case unknownEventType = "UnknownEventType"
        case missingField = "MissingField"
        case invalidField = "InvalidField"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
