import CRMSync
import Foundation
import Testing

@Suite("Fan-out planning")
struct SyncPlannerTests {
    static let settings = SyncSettings(reverseChronological: true, initialBatchSize: 100, ongoingBatchSize: 50)
    static let since = Date(timeIntervalSince1970: 1_759_401_000)

    static func page(_ index: Int, limit: Int = 100, chained: Bool = false, cursor: String? = nil) -> FetchPersonPage {
        FetchPersonPage(processId: "p1", personObjectType: "Contact", page: index, limit: limit, sortDesc: true, chained: chained, cursor: cursor)
    }

    @Test("an initial sync starts with page 0 of initialBatchSize records, newest first")
    func initialFirstPage() {
        let first = SyncPlanner.firstPage(processId: "p1", personObjectType: "Contact", syncType: .initial, settings: Self.settings, modifiedSince: Self.since)
        #expect(first == Self.page(0))
    }

    @Test("an ongoing sync pages ongoingBatchSize records changed since the last sync, oldest first")
    func ongoingFirstPage() {
        let first = SyncPlanner.firstPage(processId: "p1", personObjectType: "Lead", syncType: .ongoing, settings: Self.settings, modifiedSince: Self.since)
        #expect(first == FetchPersonPage(processId: "p1", personObjectType: "Lead", page: 0, limit: 50, modifiedSince: Self.since, sortDesc: false))
    }

    @Test("page 0 of the seed's example (1,500 records, 100 a page) queues pages 1 to 14 at once")
    func seedExample() {
        let plan = SyncPlanner.afterFetching(Self.page(0), total: 1500, hasMore: true)
        #expect(plan == PagePlan(totalRecords: 1500, totalPages: 15, pagesToQueue: (1...14).map { Self.page($0) }))
    }

    @Test("pages for a total", arguments: [(0, 1), (1, 1), (100, 1), (101, 2), (250, 3), (1500, 15), (10_000, 50)])
    func pageCount(total: Int, pages: Int) {
        let limit = total == 10_000 ? 200 : 100
        #expect(SyncPlanner.pageCount(totalRecords: total, pageSize: limit) == pages)
        let plan = SyncPlanner.afterFetching(Self.page(0, limit: limit), total: total, hasMore: total > limit)
        #expect(plan.totalPages == pages)
        #expect(plan.pagesToQueue.map(\.page) == Array(1..<pages))
        #expect(plan.pagesToQueue.allSatisfy { $0.limit == limit && !$0.chained && $0.processId == "p1" })
    }

    @Test("the other pages of a fan-out plan nothing more")
    func fannedOutPage() {
        #expect(SyncPlanner.afterFetching(Self.page(7), total: 1500, hasMore: true) == PagePlan())
        #expect(SyncPlanner.afterFetching(Self.page(14), total: nil, hasMore: false) == PagePlan())
    }

    @Test("without a total, each page queues the next, carrying the CRM's cursor, and the last settles the count")
    func chained() {
        #expect(SyncPlanner.afterFetching(Self.page(0), total: nil, hasMore: true, nextCursor: "c1")
            == PagePlan(pagesToQueue: [Self.page(1, chained: true, cursor: "c1")]))
        #expect(SyncPlanner.afterFetching(Self.page(1, chained: true, cursor: "c1"), total: nil, hasMore: true, nextCursor: "c2")
            == PagePlan(pagesToQueue: [Self.page(2, chained: true, cursor: "c2")]))
        #expect(SyncPlanner.afterFetching(Self.page(2, chained: true, cursor: "c2"), total: nil, hasMore: false) == PagePlan(totalPages: 3))
        #expect(SyncPlanner.afterFetching(Self.page(0), total: nil, hasMore: false) == PagePlan(totalPages: 1))
    }

    @Test("AxisCare's fan-out is the same 0-based pages; its 1-indexed page numbers are made at request time")
    func axisCareIndexing() {
        let plan = SyncPlanner.afterFetching(Self.page(0, limit: 50), total: 120, hasMore: true)
        #expect(plan.pagesToQueue.map(\.page) == [1, 2])
        #expect(plan.pagesToQueue.map { AxisCareIntegration.paginationStyle.parameter(forPage: $0.page, limit: 50) } == [2, 3])
        #expect(PipedriveIntegration.paginationStyle.parameter(forPage: 2, limit: 50) == 100)
    }

    @Test("messages go out in SendMessageBatch groups of at most 10")
    func sendBatches() {
        let plan = SyncPlanner.afterFetching(Self.page(0, limit: 200), total: 10_000, hasMore: true)
        let batches = SyncPlanner.sendBatches(plan.pagesToQueue.map(SyncEvent.fetchPersonPage))
        #expect(batches.map(\.count) == [10, 10, 10, 10, 9])
        #expect(batches.flatMap { $0 } == plan.pagesToQueue.map(SyncEvent.fetchPersonPage))
        #expect(SyncPlanner.sendBatches([Int]()).isEmpty)
        #expect(SyncPlanner.sendBatches(Array(0..<10)) == [Array(0..<10)])
    }
}
