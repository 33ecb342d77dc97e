/// Why a CRM person cannot become a Quo contact. The rest of its batch goes on; the worker counts
/// the person as failed and keeps the message in the Process's last errors.
public struct PersonTransformError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidPhoneNumber = "InvalidPhoneNumber"
        case invalidEmail = "InvalidEmail"
    }

    public let code: Code
    /// The CRM's id of the person.
    public let personId: String
    public let message: String

    public init(_ code: Code, personId: String, message: String) {
        self.code = code
        self.personId = personId
        self.message = message
    }

    public var description: String { "\(code.rawValue): person \(personId): \(message)" }
}
