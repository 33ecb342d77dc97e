/// What one fetched page tells the sync: how many pages there are, once that is known, and which
/// pages to queue next.
public struct PagePlan: Sendable, Equatable {
    /// Records the CRM said the sync has (page 0 only).
    public var totalRecords: Int?
    /// The sync's number of pages, when this page settles it: page 0 of a CRM that gave a total, or
    /// the last chained page of one that did not.
    public var totalPages: Int?
    /// `FETCH_PERSON_PAGE` events to send, in `SyncPlanner.sendBatches` of at most 10.
    public var pagesToQueue: [FetchPersonPage]

    public init(totalRecords: Int? = nil, totalPages: Int? = nil, pagesToQueue: [FetchPersonPage] = []) {
        self.totalRecords = totalRecords
        self.totalPages = totalPages
        self.pagesToQueue = pagesToQueue
    }
}
