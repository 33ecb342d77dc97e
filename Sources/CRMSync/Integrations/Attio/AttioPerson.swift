/// An Attio person record (`/v2/objects/people/records/query`): attribute values are lists.
public struct AttioPerson: CRMPerson, Codable {
    public var id: RecordID
    public var values: Values

    public init(id: RecordID, values: Values) {
        self.id = id
        self.values = values
    }

    public var crmId: String { id.recordId }

    public struct RecordID: Codable, Sendable, Equatable {
        public var workspaceId: String?
        public var objectId: String?
        public var recordId: String

        public init(workspaceId: String? = nil, objectId: String? = nil, recordId: String) {
            self.workspaceId = workspaceId
            self.objectId = objectId
            self.recordId = recordId
        }

        enum CodingKeys: String, CodingKey {
            case workspaceId = "workspace_id"
            case objectId = "object_id"
            case recordId = "record_id"
        }
    }

    public struct Values: Codable, Sendable, Equatable {
        public var name: [Name]?
        public var emailAddresses: [EmailAddress]?
        public var phoneNumbers: [PhoneNumber]?

        public init(name: [Name]?, emailAddresses: [EmailAddress]? = nil, phoneNumbers: [PhoneNumber]? = nil) {
            self.name = name
            self.emailAddresses = emailAddresses
            self.phoneNumbers = phoneNumbers
        }

        enum CodingKeys: String, CodingKey {
            case name
            case emailAddresses = "email_addresses"
            case phoneNumbers = "phone_numbers"
        }
    }

    public struct Name: Codable, Sendable, Equatable {
        public var firstName: String?
        public var lastName: String?
        public var fullName: String?

        public init(firstName: String?, lastName: String?, fullName: String? = nil) {
            self.firstName = firstName
            self.lastName = lastName
            self.fullName = fullName
        }

        enum CodingKeys: String, CodingKey {
            case firstName = "first_name"
            case lastName = "last_name"
            case fullName = "full_name"
        }
    }

    public struct EmailAddress: Codable, Sendable, Equatable {
        public var emailAddress: String

        public init(emailAddress: String) {
            self.emailAddress = emailAddress
        }

        enum CodingKeys: String, CodingKey {
            case emailAddress = "email_address"
        }
    }

    public struct PhoneNumber: Codable, Sendable, Equatable {
        public var phoneNumber: String

        public init(phoneNumber: String) {
            self.phoneNumber = phoneNumber
        }

        enum CodingKeys: String, CodingKey {
            case phoneNumber = "phone_number"
        }
    }
}
