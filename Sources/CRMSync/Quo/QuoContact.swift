/// A contact as the integrations upsert it to Quo: the seed's `transformPersonToQuo` result.
/// Lists the CRM leaves out are empty; fields it leaves out are `nil` (and absent from the JSON).
public struct QuoContact: Codable, Sendable, Equatable {
    /// The CRM's id of the person, as a string whatever type the CRM uses.
    public var externalId: String
    /// `<crm>-<object>`, e.g. `pipedrive-person`, `zoho-crm-lead`.
    public var source: String
    public var defaultFields: DefaultFields
    public var customFields: CustomFields?

    public init(externalId: String, source: String, defaultFields: DefaultFields, customFields: CustomFields? = nil) {
        self.externalId = externalId
        self.source = source
        self.defaultFields = defaultFields
        self.customFields = customFields
    }

    public struct DefaultFields: Codable, Sendable, Equatable {
        public var firstName: String?
        public var lastName: String?
        public var company: String?
        public var phoneNumbers: [LabeledValue]
        public var emails: [LabeledValue]

        public init(
            firstName: String?, lastName: String?, company: String? = nil, phoneNumbers: [LabeledValue], emails: [LabeledValue]
        ) {
            self.firstName = firstName
            self.lastName = lastName
            self.company = company
            self.phoneNumbers = phoneNumbers
            self.emails = emails
        }
    }

    /// Where the contact came from, for CRMs whose seed transform keeps it (Pipedrive, Zoho).
    public struct CustomFields: Codable, Sendable, Equatable {
        public var crmId: String
        public var crmType: String
        /// The CRM's last-modified time, verbatim.
        public var lastModified: String?

        public init(crmId: String, crmType: String, lastModified: String?) {
            self.crmId = crmId
            self.crmType = crmType
            self.lastModified = lastModified
        }
    }

    /// A phone number or email, with the CRM's label when it has one (`work`, `mobile`).
    public struct LabeledValue: Codable, Sendable, Equatable {
        public var name: String?
        public var value: String

        public init(name: String? = nil, value: String) {
            self.name = name
            self.value = value
        }
    }
}
