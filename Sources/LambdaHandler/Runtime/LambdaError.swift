/// The error document Lambda returns for a failed invocation (`errorType`, `errorMessage`).
public struct LambdaError: Error, Codable, Sendable, Equatable {
    public var errorType: String
    public var errorMessage: String
    public var stackTrace: [String]?

    public init(errorType: String, errorMessage: String, stackTrace: [String]? = nil) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.stackTrace = stackTrace
    }

    /// Describes any thrown error the way Lambda's runtimes do: the type name and its description.
    public init(describing error: any Error) {
        if let lambdaError = error as? LambdaError {
            self = lambdaError
        } else {
            self.init(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }
}
