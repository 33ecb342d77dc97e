/// `WEBHOOK_RECEIVED`: the CRM reported changed persons. The seed's `handleWebhook` takes one
/// record or an array of them, each with an `id`; a webhook names the person object type when the
/// CRM has several (Zoho's `Contacts` and `Leads`), otherwise the integration's only type is meant.
public struct WebhookReceived: Codable, Sendable, Equatable {
    public var records: [Record]
    public var personObjectType: String?

    public init(records: [Record], personObjectType: String? = nil) {
        self.records = records
        self.personObjectType = personObjectType
    }

    public var personIds: [String] { records.map(\.id) }

    /// A changed person; CRMs write its id as a string or a number (Pipedrive), kept as a string.
    public struct Record: Codable, Sendable, Equatable {
        public var id: String

        public init(id: String) {
            self.id = id
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? container.decode(Int.self, forKey: .id) {
                id = String(number)
            } else {
                id = try container.decode(String.self, forKey: .id)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case records, personObjectType
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        personObjectType = try container.decodeIfPresent(String.self, forKey: .personObjectType)
        if let records = try? container.decode([Record].self, forKey: .records) {
            self.records = records
        } else {
            records = [try container.decode(Record.self, forKey: .records)]
        }
    }
}
