/// A person as one CRM returns it.
public protocol CRMPerson: Sendable, Equatable {
    /// The CRM's id of the person, as a string.
    var crmId: String { get }
}
