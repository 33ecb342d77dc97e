/// Which of a CRM's person objects a person belongs to. Zoho CRM keeps leads apart from
/// contacts; every other CRM has one kind of person, `.contact`.
public enum PersonKind: String, CaseIterable, Codable, Sendable {
    case contact
    case lead
}
