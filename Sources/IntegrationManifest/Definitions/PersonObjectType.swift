/// A CRM object that holds people, and the Quo contact type it becomes.
public struct PersonObjectType: Equatable, Sendable {
    public var crmObjectName: String
    public var quoContactType: String

    public init(crmObjectName: String, quoContactType: String) {
        self.crmObjectName = crmObjectName
        self.quoContactType = quoContactType
    }
}
