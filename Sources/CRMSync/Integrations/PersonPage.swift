/// One page of persons: the seed's `{ data, total, hasMore }`.
public struct PersonPage<Person: CRMPerson>: Sendable, Equatable {
    public var persons: [Person]
    /// All persons the sync will see, when the CRM says; without it pages are fetched one after another.
    public var total: Int?
    public var hasMore: Bool
    /// Where the next page starts, for a CRM that pages by cursor.
    public var nextCursor: String?

    public init(persons: [Person], total: Int?, hasMore: Bool, nextCursor: String? = nil) {
        self.persons = persons
        self.total = total
        self.hasMore = hasMore
        self.nextCursor = nextCursor
    }
}
