/// The people of one kind in one CRM, newest first: which exist (`records`), which a webhook
/// firing has modified since, and the pages a listing returns. Pure, so paging is tested without I/O.
struct PersonCollection {
    /// A person's place in the order: number and modification.
    struct Entry: Equatable {
        let number: Int
        let modifiedAt: Timestamp
        let revision: Int
    }

    let kind: PersonKind
    private(set) var records: Int
    /// Modifications by person number; the rest keep their generated time.
    private var modified: [Int: Entry] = [:]
    /// Every existing person, newest first; rebuilt after a change.
    private var newestFirstCache: [Entry]?

    init(kind: PersonKind, records: Int) {
        self.kind = kind
        self.records = records
    }

    mutating func resize(records: Int) {
        guard records != self.records else { return }
        self.records = records
        newestFirstCache = nil
    }

    func entry(number: Int) -> Entry? {
        guard number >= 1 && number <= records else { return nil }
        return modified[number]
            ?? Entry(number: number, modifiedAt: MockPerson.generatedModification(number: number, kind: kind), revision: 0)
    }

    /// Marks person `number` modified at `now`, or just after the newest modification if `now` is
    /// not later (so the order stays strict); returns the entry before and after, or nil if there
    /// is no such person.
    mutating func modify(number: Int, now: Timestamp) -> (before: Entry, after: Entry)? {
        guard let before = entry(number: number) else { return nil }
        let newest = newestFirst().first?.modifiedAt ?? MockPerson.newestGeneratedModification
        let after = Entry(number: number, modifiedAt: max(now, newest.adding(milliseconds: 1)), revision: before.revision + 1)
        modified[number] = after
        newestFirstCache = nil
        return (before, after)
    }

    /// The persons modified at or after `since` (all when nil), in the order asked, from `offset`:
    /// at most `limit` of them, and how many match in all.
    mutating func page(offset: Int, limit: Int, since: Timestamp?, descending: Bool) -> (entries: [Entry], total: Int) {
        let all = newestFirst()
        // Newest first, so the matches are a prefix.
        let matching = since.map { since in all.prefix { $0.modifiedAt >= since } } ?? all[...]
        let total = matching.count
        guard offset < total else { return ([], total) }
        let positions = offset..<min(total, offset + limit)
        let entries = positions.map { position in matching[matching.startIndex + (descending ? position : total - 1 - position)] }
        return (entries, total)
    }

    private mutating func newestFirst() -> [Entry] {
        if let newestFirstCache { return newestFirstCache }
        // Generated people are already newest first; modified ones moved ahead of all of them.
        let moved = modified.values.filter { $0.number <= records }.sorted { $0.modifiedAt > $1.modifiedAt }
        var entries = moved
        entries.reserveCapacity(records)
        for number in stride(from: 1, through: records, by: 1) where modified[number] == nil {
            entries.append(Entry(number: number, modifiedAt: MockPerson.generatedModification(number: number, kind: kind), revision: 0))
        }
        newestFirstCache = entries
        return entries
    }
}
