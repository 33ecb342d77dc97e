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

    /// What the transform reads, the same for both modules.
    struct QuoFields {
        var source: String
        var firstName: String?
        var lastName: String?
        var email: String?
        var phone: String?
        var mobile: String?
        var company: String?
        var modifiedTime: String?
    }

    var quoFields: QuoFields {
        switch self {
        case .contact(let contact):
            QuoFields(
                source: "zoho-crm-contact", firstName: contact.firstName, lastName: contact.lastName, email: contact.email,
                phone: contact.phone, mobile: contact.mobile, company: contact.account?.name, modifiedTime: contact.modifiedTime)
        case .lead(let lead):
            QuoFields(
                source: "zoho-crm-lead", firstName: lead.firstName, lastName: lead.lastName, email: lead.email, phone: lead.phone,
                mobile: lead.mobile, company: lead.company, modifiedTime: lead.modifiedTime)
        }
    }
}
