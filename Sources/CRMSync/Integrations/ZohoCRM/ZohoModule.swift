/// The Zoho CRM module of a person object type (`Contact` → `Contacts`).
enum ZohoModule: String {
    case contacts = "Contacts"
    case leads = "Leads"

    init(objectType: String) throws(CRMIntegrationError) {
        switch objectType {
        case "Contact": self = .contacts
        case "Lead": self = .leads
        default:
            throw CRMIntegrationError(.unknownObjectType, "Zoho CRM syncs Contact and Lead, not \"\(objectType)\"")
        }
    }

    /// The person object type the module holds, as integration.json names it.
    var objectType: String {
        switch self {
        case .contacts: "Contact"
        case .leads: "Lead"
        }
    }

    var path: String { "/crm/v2/\(rawValue)" }

    /// Decodes a module's list answer and wraps each record; `204 No Content` is an empty list.
    func persons(from client: any CRMClient, _ request: CRMRequest) async throws -> (persons: [ZohoPerson], moreRecords: Bool) {
        switch self {
        case .contacts:
            let response = try await client.jsonUnlessNoContent(request, as: ListResponse<ZohoContact>.self)
            return ((response?.data ?? []).map(ZohoPerson.contact), response?.info?.moreRecords ?? false)
        case .leads:
            let response = try await client.jsonUnlessNoContent(request, as: ListResponse<ZohoLead>.self)
            return ((response?.data ?? []).map(ZohoPerson.lead), response?.info?.moreRecords ?? false)
        }
    }

    struct ListResponse<Record: Decodable>: Decodable {
        var data: [Record]?
        var info: Info?

        struct Info: Decodable {
            var moreRecords: Bool?

            enum CodingKeys: String, CodingKey {
                case moreRecords = "more_records"
            }
        }
    }
}
