import Primitives

/// What the mock's Swift API refuses: a knob it cannot read, a person it does not have, a Quo
/// store it cannot use.
public typealias CRMMockError = CodedError<CRMMockErrorCode>

/// The codes of `CRMMockError`.
public enum CRMMockErrorCode: String, ErrorCode {
    /// A realism knob string or settings document that does not parse.
    case invalidKnob
    /// `fireWebhook` named a person the CRM does not have.
    case unknownPerson
    /// The mock Quo's SQLite file could not be opened, read or written.
    case quoStoreFailed

    public static let descriptionNamesCode = false
}
