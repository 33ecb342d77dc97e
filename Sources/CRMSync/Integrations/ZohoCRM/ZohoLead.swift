/// A Zoho CRM lead (`GET /crm/v2/Leads`); its company is a plain text field.
public struct ZohoLead: Codable, Sendable, Equatable {
    public var id: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var mobile: String?
    public var company: String?
    public var modifiedTime: String?

    public init(
        id: String, firstName: String?, lastName: String?, email: String? = nil, phone: String? = nil, mobile: String? = nil,
        company: String? = nil, modifiedTime: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.mobile = mobile
        self.company = company
        self.modifiedTime = modifiedTime
    }

    enum CodingKeys: String, CodingKey {
        case id
        case firstName = "First_Name"
        case lastName = "Last_Name"
        case email = "Email"
        case phone = "Phone"
        case mobile = "Mobile"
        case company = "Company"
        case modifiedTime = "Modified_Time"
    }
}
