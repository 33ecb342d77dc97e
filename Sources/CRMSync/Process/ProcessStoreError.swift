import Primitives

/// A Process operation the store refuses.
public typealias ProcessStoreError = CodedError<ProcessStoreErrorCode>

/// The codes of `ProcessStoreError`.
public enum ProcessStoreErrorCode: String, ErrorCode {
    case processNotFound = "ProcessNotFound"
    case invalidTransition = "InvalidTransition"

    public static let descriptionNamesCode = true
}

extension ProcessStoreError {
    init(_ refused: ProcessStateMachine.InvalidTransition, processId: String) {
        self.init(.invalidTransition, "Process \(processId): \(refused.description)")
    }
}
