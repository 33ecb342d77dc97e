/// What the mock's Swift API refuses: a knob it cannot read, a person it does not have, a Quo
/// store it cannot use.
public struct CRMMockError: Error, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A realism knob string or settings document that does not parse.
        case invalidKnob
        /// `fireWebhook` named a person the CRM does not have.
        case unknownPerson
        /// The mock Quo's SQLite file could not be opened, read or written.
        case quoStoreFailed
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
