/// The five CRMs the mock serves, each under its own path prefix (`/pipedrive`, `/attio`,
/// `/axiscare`, `/zoho-crm`, `/scaling-test`): the integration's name, as under `functions/`.
public enum CRM: String, CaseIterable, Codable, Sendable {
    case pipedrive
    case attio
    case axiscare
    case zoho = "zoho-crm"
    case scalingTest = "scaling-test"

    /// The kinds of person the CRM keeps: Zoho CRM syncs its Contacts and Leads modules, the
    /// others one object each (Pipedrive and Attio persons, AxisCare contacts, ScalingTest persons).
    public var personKinds: [PersonKind] {
        self == .zoho ? [.contact, .lead] : [.contact]
    }

    /// The id the CRM gives person `number` (1-based) of `kind`, as its API writes it (Pipedrive and
    /// AxisCare write theirs as JSON integers).
    public func personId(number: Int, kind: PersonKind = .contact) -> String {
        switch self {
        case .pipedrive, .axiscare:
            return String(number)
        case .attio:
            return Self.attioRecordPrefix + Self.zeroPadded(number, width: 12)
        case .zoho:
            return String(Self.zohoIdBase(kind) + Int64(number))
        case .scalingTest:
            return "mock_\(number)"
        }
    }

    /// The kind and number of the person with `id`, if the id has this CRM's form (the person may
    /// still be beyond the configured number of records).
    func locate(personId id: String) -> (kind: PersonKind, number: Int)? {
        switch self {
        case .pipedrive, .axiscare:
            return Int(id).flatMap { $0 >= 1 ? (.contact, $0) : nil }
        case .attio:
            guard id.hasPrefix(Self.attioRecordPrefix), let number = Int(id.dropFirst(Self.attioRecordPrefix.count)), number >= 1
            else { return nil }
            return (.contact, number)
        case .zoho:
            guard let value = Int64(id) else { return nil }
            for kind in PersonKind.allCases {
                let number = value - Self.zohoIdBase(kind)
                if number >= 1 && number <= Int64(CRMSettings.maximumRecords) { return (kind, Int(number)) }
            }
            return nil
        case .scalingTest:
            guard id.hasPrefix("mock_"), let number = Int(id.dropFirst(5)), number >= 1 else { return nil }
            return (.contact, number)
        }
    }

    /// Attio record ids are UUIDs; the last group carries the person number in decimal digits.
    private static let attioRecordPrefix = "a77e0000-0000-4000-8000-"

    /// Zoho ids are 19-digit numbers; contacts and leads have disjoint ranges.
    private static func zohoIdBase(_ kind: PersonKind) -> Int64 {
        switch kind {
        case .contact: 4_150_868_000_001_000_000
        case .lead: 4_150_868_000_002_000_000
        }
    }

    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
