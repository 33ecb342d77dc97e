/// The codes of one kind of `CodedError`: an enum whose raw values are the codes' names.
public protocol ErrorCode: RawRepresentable<String>, Sendable, Hashable {
    /// Whether an error's `description` leads with its code (errors a program or a log reads) or is
    /// the message alone (errors a command prints to its user).
    static var descriptionNamesCode: Bool { get }
}

/// An error with a machine-readable code and a message for people: the one shape QueueLab's
/// error types share, each a typealias over its own `ErrorCode` enum.
public struct CodedError<Code: ErrorCode>: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { Code.descriptionNamesCode ? "\(code.rawValue): \(message)" : message }
}
