/// A Zoho CRM person: its two person modules have different shapes.
public enum ZohoPerson: CRMPerson {
    case contact(ZohoContact)
    case lead(ZohoLead)

    public var crmId: String {
        switch self {
        case .contact(let contact): contact.id
        case .lead(let lead): lead.id
        }
    }
}
