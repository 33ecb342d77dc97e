import StrictJSON

/// A contact in the mock Quo, as `GET /quo/contacts` lists it (OpenPhone's contact shape).
public struct QuoContact: Sendable, Equatable, Codable {
    /// Quo's own id, `ct_` and a number.
    public var id: String
    public var externalId: String
    /// Which integration wrote it, e.g. `pipedrive-person`; `externalId` is unique per source.
    public var source: String
    public var defaultFields: QuoDefaultFields
    /// Kept as sent: the seed writes an object (`crmId`, `crmType`, `lastModified`).
    public var customFields: JSONValue?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
}

/// A contact's standard fields.
public struct QuoDefaultFields: Sendable, Equatable, Codable {
    public var firstName: String?
    public var lastName: String?
    public var company: String?
    public var role: String?
    public var emails: [QuoLabeledValue]
    public var phoneNumbers: [QuoLabeledValue]

    public init(
        firstName: String? = nil, lastName: String? = nil, company: String? = nil, role: String? = nil,
        emails: [QuoLabeledValue] = [], phoneNumbers: [QuoLabeledValue] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.role = role
        self.emails = emails
        self.phoneNumbers = phoneNumbers
    }
}

/// An email address or phone number with its optional label (`name`, e.g. `work`).
public struct QuoLabeledValue: Sendable, Equatable, Codable {
    public var name: String?
    public var value: String

    public init(name: String? = nil, value: String) {
        self.name = name
        self.value = value
    }
}

/// What the mock Quo holds, for checking a sync: no duplicates means `contacts` equals the
/// number of distinct persons synced, and `updates` counts upserts that found their contact.
public struct QuoSummary: Sendable, Equatable, Codable {
    public var contacts: Int
    /// Every accepted upsert, creating or updating.
    public var upserts: Int
    /// Upserts that touched an existing contact.
    public var updates: Int

    public init(contacts: Int, upserts: Int, updates: Int) {
        self.contacts = contacts
        self.upserts = upserts
        self.updates = updates
    }
}
