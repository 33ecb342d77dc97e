import CRMSync
import Foundation
import GRDB
import Testing

@Suite("The Process store")
struct ProcessStoreTests {
    let clock = ManualClock()
    let path = TestFiles.newDatabasePath()
    let store: ProcessStore

    init() throws {
        let clock = clock
        store = try ProcessStore(path: path, now: { clock.now })
    }

    @Test("the file is in WAL mode, so that workers read while one writes")
    func walMode() throws {
        let mode = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    func newSync(pageSize: Int = 100, type: SyncType = .initial, objectType: String = "Contact") async throws -> SyncProcess {
        try await store.createSync(integration: "zoho-crm", syncType: type, personObjectType: objectType, pageSize: pageSize)
    }

    /// A sync through page 0's fan-out, in PROCESSING_BATCHES.
    func fannedOut(totalRecords: Int, totalPages: Int) async throws -> String {
        let id = try await newSync().id
        try await store.startFetchingTotal(id)
        #expect(try await store.recordTotal(id, totalRecords: totalRecords, totalPages: totalPages) == .queuePages)
        #expect(try await store.finishQueuing(id) == .pending)
        return id
    }

    @Test("a new sync is INITIALIZING with the seed's name, type and empty counters")
    func create() async throws {
        let process = try await newSync(type: .ongoing, objectType: "Lead")
        #expect(process.name == "zoho-crm-Lead-sync")
        #expect(process.type == "CRM_SYNC")
        #expect(process.state == .initializing)
        #expect(process.context.syncType == .ongoing)
        #expect(process.context.pagination == SyncProcess.Pagination(pageSize: 100, totalPages: nil, processedPages: 0))
        #expect(process.context.startTime == clock.now)
        #expect(process.results.totalSynced == 0 && process.results.errors.isEmpty)
        #expect(try await store.process(process.id) == process)
    }

    @Test("a whole sync: page 0 fans out, pages are recorded, the last one completes it, COMPLETE_SYNC ends it")
    func wholeSync() async throws {
        let id = try await newSync().id
        try await store.startFetchingTotal(id)
        #expect(try await store.process(id).state == .fetchingTotal)
        #expect(try await store.recordTotal(id, totalRecords: 250, totalPages: 3) == .queuePages)
        #expect(try await store.process(id).state == .queuingPages)
        #expect(try await store.finishQueuing(id) == .pending)
        #expect(try await store.process(id).state == .processingBatches)
        clock.advance(seconds: 10)
        #expect(try await store.recordPage(id, PageOutcome(page: 1, synced: 100, failed: 0)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 98, failed: 2)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 2, synced: 50, failed: 0)) == .sendCompleteSync)
        #expect(try await store.process(id).state == .completing)
        clock.advance(seconds: 15)
        let completed = try await store.completeSync(id)
        #expect(completed.state == .completed)
        #expect(completed.context.totalRecords == 250 && completed.context.processedRecords == 250)
        #expect(completed.context.pagination == SyncProcess.Pagination(pageSize: 100, totalPages: 3, processedPages: 3))
        #expect(completed.results.totalSynced == 248 && completed.results.totalFailed == 2)
        #expect(completed.context.endTime == clock.now)
        #expect(completed.results.durationMilliseconds == 25_000)
        #expect(completed.results.recordsPerSecond == 10)
        #expect(completed.results.estimatedCompletion == nil)
        #expect(try await store.completeSync(id) == completed, "a redelivered COMPLETE_SYNC changes nothing")
    }

    @Test("a redelivered page counts once and completes nothing")
    func duplicatePages() async throws {
        let id = try await fannedOut(totalRecords: 200, totalPages: 2)
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 100, failed: 0)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 100, failed: 0)) == .duplicatePage)
        #expect(try await store.recordPage(id, PageOutcome(page: 1, synced: 100, failed: 0)) == .sendCompleteSync)
        #expect(try await store.recordPage(id, PageOutcome(page: 1, synced: 100, failed: 0)) == .duplicatePage)
        let process = try await store.process(id)
        #expect(process.results.totalSynced == 200 && process.context.processedRecords == 200)
    }

    @Test("pages done before page 0 finished queuing: entering PROCESSING_BATCHES completes the sync")
    func pagesBeforeFinishQueuing() async throws {
        let id = try await newSync().id
        #expect(try await store.recordTotal(id, totalRecords: 150, totalPages: 2) == .queuePages)
        #expect(try await store.recordPage(id, PageOutcome(page: 1, synced: 50, failed: 0)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 100, failed: 0)) == .pending)
        #expect(try await store.finishQueuing(id) == .sendCompleteSync)
    }

    @Test("a one-page sync with no records completes when its empty page 0 is recorded")
    func emptySync() async throws {
        let id = try await fannedOut(totalRecords: 0, totalPages: 1)
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 0, failed: 0)) == .sendCompleteSync)
    }

    @Test("a redelivered page 0 queues again while the first delivery may still be queuing, and not after")
    func redeliveredFirstPage() async throws {
        let id = try await newSync().id
        #expect(try await store.recordTotal(id, totalRecords: 300, totalPages: 3) == .queuePages)
        try await store.startFetchingTotal(id)
        #expect(try await store.recordTotal(id, totalRecords: 300, totalPages: 3) == .queuePages)
        #expect(try await store.finishQueuing(id) == .pending)
        #expect(try await store.recordTotal(id, totalRecords: 300, totalPages: 3) == .alreadyQueued)
        #expect(try await store.finishQueuing(id) == .pending)
        #expect(try await store.process(id).state == .processingBatches)
    }

    @Test("chained pages: the count is settled by the last page, and completes the sync if all are done")
    func chained() async throws {
        let id = try await newSync().id
        #expect(try await store.recordTotal(id, totalRecords: nil, totalPages: nil) == .queuePages)
        #expect(try await store.finishQueuing(id) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 100, failed: 0)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 1, synced: 100, failed: 0)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 2, synced: 10, failed: 0)) == .pending)
        #expect(try await store.recordPageCount(id, totalPages: 3) == .sendCompleteSync)
        #expect(try await store.recordPageCount(id, totalPages: 3) == .pending)
    }

    @Test("a webhook's Process starts in PROCESSING_BATCHES and completes with its one batch")
    func webhook() async throws {
        let process = try await store.createWebhookSync(integration: "attio", personObjectType: "Person", personCount: 2)
        #expect(process.state == .processingBatches)
        #expect(process.context.syncType == .webhook && process.context.totalRecords == 2)
        #expect(try await store.recordPage(process.id, PageOutcome(page: 0, synced: 2, failed: 0)) == .sendCompleteSync)
        #expect(try await store.completeSync(process.id).state == .completed)
    }

    @Test("transitions out of turn are refused")
    func refused() async throws {
        let id = try await fannedOut(totalRecords: 200, totalPages: 2)
        await #expect(throws: ProcessStoreError(.invalidTransition, "Process \(id): a Process cannot go from PROCESSING_BATCHES to COMPLETED")) {
            try await store.completeSync(id)
        }
        let failed = try await store.fail(id, message: "Zoho answered 401")
        #expect(failed.state == .error && failed.errorMessage == "Zoho answered 401" && failed.context.endTime == clock.now)
        await #expect(throws: ProcessStoreError(.invalidTransition, "Process \(id): a Process cannot go from ERROR to ERROR")) {
            try await store.fail(id, message: "again")
        }
        await #expect(throws: ProcessStoreError(.invalidTransition, "Process \(id): a Process cannot go from ERROR to QUEUING_PAGES")) {
            try await store.recordTotal(id, totalRecords: 1, totalPages: 1)
        }
        #expect(try await store.recordPage(id, PageOutcome(page: 0, synced: 100, failed: 0)) == .pending)
        #expect(try await store.recordPage(id, PageOutcome(page: 1, synced: 100, failed: 0)) == .pending, "a failed sync never completes")
        await #expect(throws: ProcessStoreError(.processNotFound, "no Process nope")) { try await store.process("nope") }
    }

    @Test("the last 100 errors are kept, oldest first")
    func lastHundredErrors() async throws {
        let id = try await fannedOut(totalRecords: 300, totalPages: 3)
        for page in 0..<3 {
            let errors = (0..<40).map { index in
                ProcessErrorEntry(personId: "p\(page)-\(index)", page: page, message: "poison", timestamp: clock.now)
            }
            _ = try await store.recordPage(id, PageOutcome(page: page, synced: 60, failed: 40, errors: errors))
        }
        let errors = try await store.process(id).results.errors
        #expect(errors.count == 100)
        #expect(errors.first?.personId == "p0-20" && errors.last?.personId == "p2-39")
        #expect(errors.last == ProcessErrorEntry(personId: "p2-39", page: 2, message: "poison", timestamp: clock.now))
    }

    @Test("a running sync reports its speed and when it will finish")
    func rates() async throws {
        let id = try await fannedOut(totalRecords: 1000, totalPages: 10)
        clock.advance(seconds: 20)
        _ = try await store.recordPage(id, PageOutcome(page: 0, synced: 100, failed: 0))
        _ = try await store.recordPage(id, PageOutcome(page: 1, synced: 90, failed: 10))
        let results = try await store.process(id).results
        #expect(results.durationMilliseconds == 20_000)
        #expect(results.recordsPerSecond == 10)
        #expect(results.estimatedCompletion == clock.now.addingTimeInterval(80))
    }

    @Test("an ongoing sync starts from the start of the last completed sync of the same integration and object type")
    func lastCompletedSyncStart() async throws {
        #expect(try await store.lastCompletedSyncStart(integration: "zoho-crm", personObjectType: "Contact") == nil)
        let first = clock.now
        let initial = try await fannedOut(totalRecords: 10, totalPages: 1)
        #expect(try await store.recordPage(initial, PageOutcome(page: 0, synced: 10, failed: 0)) == .sendCompleteSync)
        _ = try await store.completeSync(initial)
        clock.advance(seconds: 60)
        let second = clock.now
        let ongoing = try await newSync(type: .ongoing)
        _ = try await store.recordTotal(ongoing.id, totalRecords: 0, totalPages: 1)
        #expect(try await store.recordPage(ongoing.id, PageOutcome(page: 0, synced: 0, failed: 0)) == .pending)
        #expect(try await store.finishQueuing(ongoing.id) == .sendCompleteSync)
        _ = try await store.completeSync(ongoing.id)
        clock.advance(seconds: 60)
        // Newer, but not to count: failed, running, a webhook, another object type, another integration.
        let failed = try await newSync()
        _ = try await store.fail(failed.id, message: "401")
        _ = try await newSync()
        let webhook = try await store.createWebhookSync(integration: "zoho-crm", personObjectType: "Contact", personCount: 1)
        _ = try await store.recordPage(webhook.id, PageOutcome(page: 0, synced: 1, failed: 0))
        _ = try await store.completeSync(webhook.id)
        let lead = try await newSync(objectType: "Lead")
        _ = try await store.fail(lead.id, message: "401")
        let other = try await store.createWebhookSync(integration: "attio", personObjectType: "Contact", personCount: 1)
        _ = try await store.recordPage(other.id, PageOutcome(page: 0, synced: 1, failed: 0))
        _ = try await store.completeSync(other.id)
        #expect(try await store.lastCompletedSyncStart(integration: "zoho-crm", personObjectType: "Contact") == second)
        #expect(second > first)
        #expect(try await store.lastCompletedSyncStart(integration: "zoho-crm", personObjectType: "Lead") == nil)
    }

    @Test("processes are listed newest first, by integration")
    func listing() async throws {
        var ids: [String] = []
        for _ in 0..<3 {
            ids.append(try await newSync().id)
            clock.advance(seconds: 1)
        }
        let attio = try await store.createWebhookSync(integration: "attio", personObjectType: "Person", personCount: 1)
        #expect(try await store.processes(integration: "zoho-crm").map(\.id) == ids.reversed())
        #expect(try await store.processes().map(\.id) == [attio.id] + ids.reversed())
        #expect(try await store.processes(limit: 2).map(\.id) == [attio.id, ids[2]])
    }
}
