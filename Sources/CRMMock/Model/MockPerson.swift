/// One generated person, before any CRM's shape is put on it. Everything follows from the
/// person's number and kind (no randomness, so every run serves the same people), except what a
/// fired webhook changed: the modification time and the revision, which shows in the email.
public struct MockPerson: Sendable, Equatable {
    public struct Phone: Sendable, Equatable {
        /// `work` or `mobile`.
        public var label: String
        public var value: String
    }

    /// 1-based; the newest generated person is number 1.
    public let number: Int
    public let kind: PersonKind
    public let firstName: String
    public let lastName: String
    public let email: String
    /// Work first; every third person also has a mobile. E.164, except in poison records.
    public let phones: [Phone]
    public let company: String
    /// The company's id where a CRM links people to organisations (Pipedrive, Zoho CRM accounts).
    public let companyId: Int
    public let jobTitle: String
    public let createdAt: Timestamp
    public let modifiedAt: Timestamp
    /// How many times a webhook firing has modified the person.
    public let revision: Int

    /// What a poison record has for every phone number (see `CRMSettings.poison`).
    public static let poisonPhone = "not-a-phone"

    /// The modification time of every generated person is before this; firing a webhook moves a
    /// person after it. 2025-06-01T12:00:00Z.
    static let newestGeneratedModification = Timestamp(millisecondsSinceEpoch: 1_748_779_200_000)

    /// Generated people were modified a minute apart, newest (number 1) first.
    static func generatedModification(number: Int, kind: PersonKind) -> Timestamp {
        let leadShift: Int64 = kind == .lead ? 30_000 : 0
        return newestGeneratedModification.adding(milliseconds: -Int64(number - 1) * 60_000 - leadShift)
    }

    init(number: Int, kind: PersonKind, modifiedAt: Timestamp, revision: Int, poisoned: Bool) {
        self.number = number
        self.kind = kind
        self.modifiedAt = modifiedAt
        self.revision = revision
        let index = number - 1
        let shift = kind == .lead ? 11 : 0
        firstName = Self.firstNames[(index + shift) % Self.firstNames.count]
        lastName = Self.lastNames[(index / Self.firstNames.count + shift) % Self.lastNames.count]
        companyId = (index + shift) % Self.companies.count + 1
        company = Self.companies[companyId - 1]
        jobTitle = Self.jobTitles[(index + shift) % Self.jobTitles.count]
        let mailbox = "\(firstName).\(lastName).\(kind == .lead ? "lead" : "")\(number)\(revision > 0 ? ".r\(revision)" : "")"
        email = mailbox.lowercased() + "@example.com"
        let digits = CRM.zeroPadded(number % 10_000_000, width: 7)
        var phones = [Phone(label: "work", value: (kind == .lead ? "+1556" : "+1555") + digits)]
        if number % 3 == 0 { phones.append(Phone(label: "mobile", value: (kind == .lead ? "+1667" : "+1666") + digits)) }
        if poisoned { phones = phones.map { Phone(label: $0.label, value: Self.poisonPhone) } }
        self.phones = phones
        createdAt = Self.generatedModification(number: number, kind: kind).adding(milliseconds: -30 * 86_400_000)
    }

    private static let firstNames = [
        "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger", "Radia",
        "Tim", "Hedy", "Guido", "Shafi", "Donald", "Sophie", "John", "Anita", "Bjarne", "Joan", "Niklaus", "Mary",
    ]
    private static let lastNames = [
        "Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra",
        "Perlman", "Lee", "Lamarr", "Rossum", "Goldwasser", "Knuth", "Wilson", "McCarthy", "Borg", "Stroustrup", "Clarke",
        "Wirth", "Keller",
    ]
    private static let companies = [
        "Analytical Engines", "Compiler Works", "Bletchley Labs", "Mission Control", "Kernel Co", "Apollo Software",
        "Bell Systems", "Abstraction Inc", "Unix Partners", "Optimizing Ltd", "Shortest Path", "Spanning Tree",
    ]
    private static let jobTitles = ["Engineer", "Director", "Analyst", "Consultant", "Office Manager", "Founder"]
}
