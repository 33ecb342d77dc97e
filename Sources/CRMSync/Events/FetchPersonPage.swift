import Foundation

/// `FETCH_PERSON_PAGE`: fetch one page of persons of a sync. `page` is the sync's page index,
/// 0-based as in the seed; each integration turns it into its CRM's paging (an offset, or a
/// 1-indexed page number for AxisCare and Zoho), so the Process counts pages the same way for all.
public struct FetchPersonPage: Codable, Sendable, Equatable {
    public var processId: String
    public var personObjectType: String
    public var page: Int
    public var limit: Int
    /// Ongoing syncs fetch only persons changed since then.
    public var modifiedSince: Date?
    /// Newest first (the initial sync's reverse chronological order).
    public var sortDesc: Bool
    /// Queued by the page before it, because the CRM gave no total to fan out from: this page
    /// queues the next one, or, being the last, settles the number of pages.
    public var chained: Bool
    /// Where the CRM said this page starts, for a chained page of a CRM that pages by cursor.
    public var cursor: String?

    public init(
        processId: String, personObjectType: String, page: Int, limit: Int, modifiedSince: Date? = nil,
        sortDesc: Bool, chained: Bool = false, cursor: String? = nil
    ) {
        self.processId = processId
        self.personObjectType = personObjectType
        self.page = page
        self.limit = limit
        self.modifiedSince = modifiedSince
        self.sortDesc = sortDesc
        self.chained = chained
        self.cursor = cursor
    }
}
