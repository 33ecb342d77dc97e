/// An AxisCare contact (`GET /api/contacts`): an integer id, one email and one phone.
public struct AxisCareContact: CRMPerson, Codable {
    public var contactId: Int
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var modifiedDate: String?

    public init(contactId: Int, firstName: String?, lastName: String?, email: String? = nil, phone: String? = nil, modifiedDate: String? = nil) {
        self.contactId = contactId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.modifiedDate = modifiedDate
    }

    public var crmId: String { String(contactId) }

    enum CodingKeys: String, CodingKey {
        case contactId = "contact_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case email, phone
        case modifiedDate = "modified_date"
    }
}
