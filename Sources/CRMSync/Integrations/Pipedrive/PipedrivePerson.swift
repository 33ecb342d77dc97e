/// A Pipedrive person (`GET /v1/persons`), with the fields the seed's transform reads.
public struct PipedrivePerson: CRMPerson, Codable {
    public var id: Int
    public var firstName: String?
    public var lastName: String?
    public var organization: Organization?
    public var phone: [LabeledField]?
    public var email: [LabeledField]?
    /// `2025-10-03 12:00:00`, as Pipedrive writes it.
    public var updateTime: String?

    public init(
        id: Int, firstName: String?, lastName: String?, organization: Organization? = nil, phone: [LabeledField]? = nil,
        email: [LabeledField]? = nil, updateTime: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.organization = organization
        self.phone = phone
        self.email = email
        self.updateTime = updateTime
    }

    public var crmId: String { String(id) }

    /// `org_id` holds the organization itself, not only its id.
    public struct Organization: Codable, Sendable, Equatable {
        public var name: String?
        public var value: Int?

        public init(name: String?, value: Int? = nil) {
            self.name = name
            self.value = value
        }
    }

    public struct LabeledField: Codable, Sendable, Equatable {
        public var label: String?
        public var value: String?
        public var primary: Bool?

        public init(label: String?, value: String?, primary: Bool? = nil) {
            self.label = label
            self.value = value
            self.primary = primary
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, phone, email
        case firstName = "first_name"
        case lastName = "last_name"
        case organization = "org_id"
        case updateTime = "update_time"
    }
}
