import StrictJSON

/// A contact as an integration posts it, checked as Quo checks it: `externalId` and `source`
/// strings, `defaultFields` with E.164 phone numbers and plausible email addresses.
struct QuoContactInput: Sendable {
    let source: String
    let externalId: String
    let defaultFields: QuoDefaultFields
    let customFields: JSONValue?

    init(_ body: JSONObject) throws(MockAPIError) {
        externalId = try body.string("externalId")
        source = try body.string("source")
        guard !externalId.isEmpty, !source.isEmpty else { throw .badRequest("externalId and source must not be empty") }
        let fields = try body.object("defaultFields")
        let emails = try Self.labeledValues(fields, "emails", valid: Self.isEmailAddress)
        let phoneNumbers = try Self.labeledValues(fields, "phoneNumbers", valid: Self.isE164)
        defaultFields = QuoDefaultFields(
            firstName: try fields.optionalString("firstName"), lastName: try fields.optionalString("lastName"),
            company: try fields.optionalString("company"), role: try fields.optionalString("role"), emails: emails, phoneNumbers: phoneNumbers)
        customFields = body.fields["customFields"]
    }

    /// One `@` with something on either side.
    static func isEmailAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty }
    }

    /// `+`, a non-zero digit, and 6 to 14 more digits.
    static func isE164(_ number: String) -> Bool {
        let digits = number.utf8.dropFirst()
        return number.hasPrefix("+") && (7...15).contains(digits.count) && digits.first != UInt8(ascii: "0")
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func labeledValues(
        _ fields: JSONObject, _ key: String, valid: (String) -> Bool
    ) throws(MockAPIError) -> [QuoLabeledValue] {
        var values: [QuoLabeledValue] = []
        for entry in try fields.optionalObjects(key) ?? [] {
            let value = try entry.string("value")
            guard valid(value) else {
                throw MockAPIError(.badRequest, code: "invalid_\(key)", "\(entry.path).value '\(value)' is not a valid \(key == "emails" ? "email address" : "E.164 phone number")")
            }
            values.append(QuoLabeledValue(name: try entry.optionalString("name"), value: value))
        }
        return values
    }
}
