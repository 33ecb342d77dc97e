/// Why an invoke was refused before the function ran, with the Lambda API's wire shape.
public enum InvokeError: Error, Equatable, CustomStringConvertible {
    case functionNotFound(arn: String)
    case throttled(ThrottleReason)
    case invalidRequestContent(String)
    case requestTooLarge(limit: Int)
    case invalidParameter(String)
    case hostStopped

    /// The AWS error code (`X-Amzn-ErrorType`).
    public var code: String {
        switch self {
        case .functionNotFound: "ResourceNotFoundException"
        case .throttled: "TooManyRequestsException"
        case .invalidRequestContent: "InvalidRequestContentException"
        case .requestTooLarge: "RequestTooLargeException"
        case .invalidParameter: "InvalidParameterValueException"
        case .hostStopped: "ServiceException"
        }
    }

    public var message: String {
        switch self {
        case .functionNotFound(let arn): "Function not found: \(arn)"
        case .throttled: "Rate Exceeded."
        case .invalidRequestContent(let detail): "Could not parse request body into json: \(detail)"
        case .requestTooLarge(let limit):
            "Request must be smaller than \(limit) bytes for the InvokeFunction operation"
        case .invalidParameter(let detail): detail
        case .hostStopped: "The function host is shutting down."
        }
    }

    public var httpStatus: Int {
        switch self {
        case .functionNotFound: 404
        case .throttled: 429
        case .invalidRequestContent, .invalidParameter: 400
        case .requestTooLarge: 413
        case .hostStopped: 500
        }
    }

    /// The JSON body Lambda sends with this error.
    public var wireBody: [String: String] {
        switch self {
        case .throttled(let reason): ["Type": "User", "message": message, "Reason": reason.rawValue]
        case .hostStopped: ["Type": "Service", "Message": message]
        case .invalidRequestContent, .requestTooLarge: ["Type": "User", "message": message]
        default: ["Type": "User", "Message": message]
        }
    }

    /// The message with what a history needs to tell refusals apart (a throttle's reason).
    public var detailedMessage: String {
        if case .throttled(let reason) = self { "\(message) (\(reason.rawValue))" } else { message }
    }

    public var description: String { "\(code): \(message)" }
}
