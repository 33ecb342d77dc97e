import Foundation

/// The pure half of the sync's fan-out. A worker handling `FETCH_PERSON_PAGE` does:
///
/// 1. fetch the page (`CRMIntegration.fetchPersonPage`) and ask `afterFetching` for the plan;
/// 2. on page 0 (not chained): `ProcessStore.recordTotal`; if it answers `.queuePages`, send
///    `plan.pagesToQueue` with SendMessageBatch in `sendBatches`, then `ProcessStore.finishQueuing`;
///    on a chained page: send `plan.pagesToQueue`, and when `plan.totalPages` is set,
///    `ProcessStore.recordPageCount`;
/// 3. send the page's person ids as `PROCESS_PERSON_BATCH` (or, for an integration that cannot
///    fetch by ids, or an empty page, process them now and `ProcessStore.recordPage`).
///
/// Every store call that can complete the sync answers `.sendCompleteSync` to exactly one worker.
public enum SyncPlanner {
    /// SendMessageBatch takes at most 10 entries.
    public static let maximumBatchEntries = 10

    /// The first `FETCH_PERSON_PAGE` of a new sync Process: the initial sync pages `initialBatchSize`
    /// records newest first (if `reverseChronological`); an ongoing sync pages `ongoingBatchSize`
    /// records changed since `modifiedSince`, oldest first, as in the seed.
    public static func firstPage(
        processId: String, personObjectType: String, syncType: SyncType, settings: SyncSettings, modifiedSince: Date? = nil
    ) -> FetchPersonPage {
        let ongoing = syncType == .ongoing
        return FetchPersonPage(
            processId: processId, personObjectType: personObjectType, page: 0,
            limit: ongoing ? settings.ongoingBatchSize : settings.initialBatchSize, modifiedSince: ongoing ? modifiedSince : nil,
            sortDesc: ongoing ? false : settings.reverseChronological)
    }

    /// What fetching `page` tells. Page 0 with a total fans out pages 1…n−1 all at once; without a
    /// total each page queues the next (chained) while the CRM has more, and the last settles the count.
    public static func afterFetching(_ page: FetchPersonPage, total: Int?, hasMore: Bool, nextCursor: String? = nil) -> PagePlan {
        let isFirst = page.page == 0 && !page.chained
        if isFirst, let total {
            let totalPages = pageCount(totalRecords: total, pageSize: page.limit)
            let pages = (1..<max(totalPages, 1)).map { index in
                var next = page
                next.page = index
                return next
            }
            return PagePlan(totalRecords: total, totalPages: totalPages, pagesToQueue: pages)
        }
        guard isFirst || page.chained else { return PagePlan() }
        guard hasMore else { return PagePlan(totalPages: page.page + 1) }
        var next = page
        next.page += 1
        next.chained = true
        next.cursor = nextCursor
        return PagePlan(pagesToQueue: [next])
    }

    /// Pages of `pageSize` for `totalRecords` records; at least one, so that page 0 is always a
    /// page the Process waits for, even when the CRM has no records.
    public static func pageCount(totalRecords: Int, pageSize: Int) -> Int {
        max(1, (totalRecords + pageSize - 1) / pageSize)
    }

    /// `items` in consecutive groups of at most `maximumBatchEntries`, for SendMessageBatch.
    public static func sendBatches<Item>(_ items: [Item]) -> [[Item]] {
        stride(from: 0, to: items.count, by: maximumBatchEntries).map {
            Array(items[$0..<min($0 + maximumBatchEntries, items.count)])
        }
    }
}
