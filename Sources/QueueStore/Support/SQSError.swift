import Primitives

/// An SQS error as a client sees it: its shape (the JSON protocol's `__type`), the Query protocol's
/// code (also sent as `x-amzn-query-error`), the HTTP status, and AWS's message.
public typealias SQSError = CodedError<SQSErrorCode>

/// The codes of `SQSError`: the error shapes of botocore's `sqs` model and the common errors of
/// Query-compatible services.
public enum SQSErrorCode: String, ErrorCode, CaseIterable {
    case batchEntryIdsNotDistinct = "BatchEntryIdsNotDistinct"
    case batchRequestTooLong = "BatchRequestTooLong"
    case emptyBatchRequest = "EmptyBatchRequest"
    case invalidAttributeName = "InvalidAttributeName"
    case invalidAttributeValue = "InvalidAttributeValue"
    case invalidBatchEntryId = "InvalidBatchEntryId"
    case invalidIdFormat = "InvalidIdFormat"
    case invalidMessageContents = "InvalidMessageContents"
    case messageNotInflight = "MessageNotInflight"
    case overLimit = "OverLimit"
    case purgeQueueInProgress = "PurgeQueueInProgress"
    case queueDoesNotExist = "QueueDoesNotExist"
    case queueNameExists = "QueueNameExists"
    case receiptHandleIsInvalid = "ReceiptHandleIsInvalid"
    case resourceNotFound = "ResourceNotFoundException"
    case tooManyEntriesInBatchRequest = "TooManyEntriesInBatchRequest"
    case unsupportedOperation = "UnsupportedOperation"
    // Common errors shared by all AWS Query-compatible services.
    case invalidParameterValue = "InvalidParameterValue"
    case missingParameter = "MissingParameter"
    case invalidAction = "InvalidAction"
    case malformedQueryString = "MalformedQueryString"
    case serialization = "SerializationException"
    case internalError = "InternalError"

    public static let descriptionNamesCode = true
}

extension SQSError {
    /// The error's shape name, the JSON protocol's `__type` (after `com.amazonaws.sqs#`). SQS's own
    /// errors go by their shape in botocore's model; the two common parameter errors by the names
    /// AWS answers with (recorded by LocalStack's AWS-validated snapshots as `QueryErrorCode`).
    public var shapeName: String {
        switch code {
        case .invalidParameterValue: "InvalidParameterValueException"
        case .missingParameter: "MissingRequiredParameterException"
        default: code.rawValue
        }
    }

    /// The code the Query protocol reports in `<Code>`, and JSON in `x-amzn-query-error` (which boto3
    /// reports as the error code): botocore's query-era model's `error.code` for SQS's own errors.
    public var queryCode: String {
        switch code {
        case .queueDoesNotExist: "AWS.SimpleQueueService.NonExistentQueue"
        case .queueNameExists: "QueueAlreadyExists"
        case .purgeQueueInProgress: "AWS.SimpleQueueService.PurgeQueueInProgress"
        case .messageNotInflight: "AWS.SimpleQueueService.MessageNotInflight"
        case .tooManyEntriesInBatchRequest: "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"
        case .emptyBatchRequest: "AWS.SimpleQueueService.EmptyBatchRequest"
        case .batchEntryIdsNotDistinct: "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"
        case .batchRequestTooLong: "AWS.SimpleQueueService.BatchRequestTooLong"
        case .invalidBatchEntryId: "AWS.SimpleQueueService.InvalidBatchEntryId"
        case .unsupportedOperation: "AWS.SimpleQueueService.UnsupportedOperation"
        default: code.rawValue
        }
    }

    /// The message the Query protocol sends: its queue-not-found message names the WSDL.
    public var queryMessage: String {
        code == .queueDoesNotExist ? "The specified queue does not exist for this wsdl version." : message
    }

    public var httpStatus: Int {
        switch code {
        case .overLimit, .purgeQueueInProgress: 403
        case .resourceNotFound, .malformedQueryString: 404
        case .internalError: 500
        default: 400
        }
    }

    public var isSenderFault: Bool { code != .internalError }
}

extension SQSError {
    public static var nonExistentQueue: SQSError { SQSError(.queueDoesNotExist, "The specified queue does not exist.") }

    public static func missingParameter(_ name: String) -> SQSError {
        SQSError(.missingParameter, "The request must contain the parameter \(name).")
    }

    public static func invalidParameter(_ name: String, _ value: String, reason: String) -> SQSError {
        SQSError(.invalidParameterValue, "Value \(value) for parameter \(name) is invalid. Reason: \(reason)")
    }

    /// An SQS error raised inside a database operation as it is; anything else the database threw
    /// as an internal error.
    init(surfacing error: any Error) {
        self = error as? SQSError ?? SQSError(.internalError, "The state database failed: \(error)")
    }

    public static func invalidReceiptHandle(_ handle: String) -> SQSError {
        SQSError(.receiptHandleIsInvalid, "The input receipt handle \"\(handle)\" is not a valid receipt handle.")
    }
}

extension SQSError {
    /// A message move task's `SourceArn` or `DestinationArn` names no queue (HTTP 404).
    public static func resourceNotFound(parameter: String) -> SQSError {
        SQSError(.resourceNotFound, "The resource that you specified for the \(parameter) parameter doesn't exist.")
    }

    /// CancelMessageMoveTask with the handle of no task of an existing source queue (HTTP 404).
    public static var moveTaskNotFound: SQSError { SQSError(.resourceNotFound, "Task does not exist.") }

    /// A parameter whose value is not of its kind at all (a `TaskHandle` that is no handle): SQS names
    /// neither the value nor a reason.
    public static func invalidParameter(_ name: String) -> SQSError {
        SQSError(.invalidParameterValue, "Value for parameter \(name) is invalid.")
    }

    /// A FIFO queue's answer to a receipt handle whose visibility timeout has passed.
    public static func expiredReceiptHandle(_ handle: String) -> SQSError {
        .invalidParameter("ReceiptHandle", handle, reason: "The receipt handle has expired.")
    }
}
