import Primitives

/// Why an SQS message body is not a sync event. The worker reports that one message as a batch
/// item failure, so it is retried and, if it never decodes, ends in the dead-letter queue with this
/// message in its history.
public typealias SyncEventDecodingError = CodedError<SyncEventDecodingErrorCode>

/// The codes of `SyncEventDecodingError`.
public enum SyncEventDecodingErrorCode: String, ErrorCode {
    case malformedJSON = "MalformedJSON"
    case notAnEvent = "NotAnEvent"
    case unknownEventType = "UnknownEventType"
    case missingField = "MissingField"
    case invalidField = "InvalidField"

    public static let descriptionNamesCode = true
}
