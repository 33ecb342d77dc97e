/// What every transform accepts as a phone number and an email, and so how a record is poison.
///
/// **Poison records (for the mock CRM's author).** A record is poison when one of its phone
/// numbers is not a phone number: after removing spaces, `-`, `.`, `(`, `)` and one leading `+`,
/// it must be 3 to 15 digits (E.164 allows 15). Put `ContactFieldRules.poisonPhoneNumber` in the
/// record's phone field (Pipedrive `phone[].value`, Attio `values.phone_numbers[].phone_number`,
/// AxisCare `phone`, Zoho `Phone`, ScalingTest `phone`): every integration's
/// `transformPersonToQuo` then fails for that record with `PersonTransformError.invalidPhoneNumber`,
/// and for no other. An email without `@` is rejected the same way (`invalidEmail`).
/// Empty values are not poison: the seed drops them.
public enum ContactFieldRules {
    /// The phone number the mock CRM gives a poison record.
    public static let poisonPhoneNumber = "not-a-phone"

    public static func isPhoneNumber(_ value: String) -> Bool {
        var digits = 0
        for (index, character) in value.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case " ", "-", ".", "(", ")": continue
            case "+" where index == 0: continue
            default: return false
            }
        }
        return (3...15).contains(digits)
    }

    public static func isEmail(_ value: String) -> Bool {
        guard let at = value.firstIndex(of: "@") else { return false }
        return at != value.startIndex && value.index(after: at) != value.endIndex
    }

    /// The phone numbers, or the error for the first that is not one.
    static func phoneNumbers(_ values: [QuoContact.LabeledValue], of personId: String) throws(PersonTransformError)
        -> [QuoContact.LabeledValue]
    {
        for phone in values where !isPhoneNumber(phone.value) {
            throw PersonTransformError(.invalidPhoneNumber, personId: personId, message: "\"\(phone.value)\" is not a phone number")
        }
        return values
    }

    static func emails(_ values: [QuoContact.LabeledValue], of personId: String) throws(PersonTransformError)
        -> [QuoContact.LabeledValue]
    {
        for email in values where !isEmail(email.value) {
            throw PersonTransformError(.invalidEmail, personId: personId, message: "\"\(email.value)\" is not an email address")
        }
        return values
    }
}
