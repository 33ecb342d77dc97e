import CRMSync
import QueueStore
import TestSupport
import Testing

@testable import QueueLab

/// When `queuelab sync` stops: every Process final and the queue settled; a settled queue with a
/// Process missing or unfinished is a stall.
@Suite("When a sync is over")
struct SyncCompletionTests {
    let store: ProcessStore

    init() throws {
        store = try ProcessStore(path: TestPaths.temporaryDirectory() + "/processes.sqlite")
    }

    func completed() async throws -> SyncProcess {
        let process = try await store.createWebhookSync(integration: "scaling-test", personObjectType: "MockPerson", personCount: 1)
        _ = try await store.recordPage(process.id, PageOutcome(page: 0, synced: 1, failed: 0))
        return try await store.completeSync(process.id)
    }

    func running() async throws -> SyncProcess {
        try await store.createSync(integration: "scaling-test", syncType: .initial, personObjectType: "MockPerson", pageSize: 10)
    }

    @Test func finishedWhenEveryProcessIsFinalAndTheQueueSettled() async throws {
        let failed = try await store.fail(try await running().id, message: "page 0 failed")
        #expect(SyncCompletion(processes: [try await completed(), failed], expectedProcesses: 2, queue: QueueCounts()) == .finished)
    }

    @Test func runningWhileAnyMessageIsVisibleInFlightOrDelayed() async throws {
        let done = try await completed()
        for counts in [QueueCounts(visible: 1), QueueCounts(inFlight: 1), QueueCounts(delayed: 1)] {
            #expect(SyncCompletion(processes: [done], expectedProcesses: 1, queue: counts) == .running)
        }
        #expect(SyncCompletion(processes: [], expectedProcesses: 1, queue: QueueCounts(visible: 1)) == .running)
    }

    @Test func stalledWhenTheQueueIsSettledButAProcessCannotFinish() async throws {
        let unfinished = try await running()
        #expect(SyncCompletion(processes: [unfinished], expectedProcesses: 1, queue: QueueCounts()) == .stalled(
            "the queue is empty but scaling-test-MockPerson-sync in INITIALIZING cannot finish; see the DLQ (queuelab dlq list)"))
        #expect(SyncCompletion(processes: [try await completed()], expectedProcesses: 2, queue: QueueCounts()) == .stalled(
            "the queue is empty but only 1 of 2 Processes started; see the DLQ (queuelab dlq list)"))
    }
}
