/// A Zoho CRM contact (`GET /crm/v2/Contacts`); its company is the account it belongs to.
public struct ZohoContact: Codable, Sendable, Equatable {
    public var id: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var mobile: String?
    public var account: Account?
    public var modifiedTime: String?

    public init(
        id: String, firstName: String?, lastName: String?, email: String? = nil, phone: String? = nil, mobile: String? = nil,
        account: Account? = nil, modifiedTime: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.mobile = mobile
        self.account = account
        self.modifiedTime = modifiedTime
    }

    /// A lookup field: `{"name": "Acme", "id": "…"}`.
    public struct Account: Codable, Sendable, Equatable {
        public var name: String?
        public var id: String?

        public init(name: String?, id: String? = nil) {
            self.name = name
            self.id = id
        }
    }

    enum CodingKeys: String, CodingKey {
        case id
        case firstName = "First_Name"
        case lastName = "Last_Name"
        case email = "Email"
        case phone = "Phone"
        case mobile = "Mobile"
        case account = "Account_Name"
        case modifiedTime = "Modified_Time"
    }
}
