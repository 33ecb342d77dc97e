/// A ScalingTest mock person: the seed generates `mock_<i>`, `Test<i>`, `Person<i>`,
/// `test<i>@example.com`, `555-<i, 4 digits>`.
public struct ScalingTestPerson: CRMPerson, Codable {
    public var id: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: String, firstName: String?, lastName: String?, email: String?, phone: String?, createdAt: String? = nil,
        updatedAt: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var crmId: String { id }

    enum CodingKeys: String, CodingKey {
        case id
        case firstName = "first_name"
        case lastName = "last_name"
        case email, phone
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
