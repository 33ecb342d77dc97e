/// A Process operation the store refuses.
public struct ProcessStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case processNotFound = "ProcessNotFound"
        case invalidTransition = "InvalidTransition"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    init(_ refused: ProcessStateMachine.InvalidTransition, processId: String) {
        self.init(.invalidTransition, "Process \(processId): \(refused.description)")
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
