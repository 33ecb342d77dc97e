import CRMMock
import CRMSync
import Foundation
import Logging
import QueueStore
import TestSupport
import Testing

@testable import QueueLab

/// `queuelab sync` in-process: each integration's real `crm-sync` handler processes, its queue and
/// DLQ, the mock CRM and Quo, from its own integration.json. One run at a time: each starts up to
/// a few dozen handler processes.
@Suite("queuelab sync, end to end", .serialized)
struct SyncRunTests {
    static let root = URL(fileURLWithPath: TestPaths.packageRoot)
    static let logger = Logger(label: "test.sync")

    static func run(
        _ integration: String, records: Int, settings: [String] = [], syncType: SyncType = .initial, state: String? = nil
    ) async throws -> SyncRunResult {
        let sync = try SyncRun(SyncRunConfiguration(
            integration: integration, root: root, stateDirectory: state ?? TestPaths.temporaryDirectory(), syncType: syncType,
            freshState: syncType == .initial, records: records, settings: settings, executableSearchPaths: [TestPaths.productsDirectory]))
        return try await sync.run(logger: logger)
    }

    /// Provisioned environments off: they would only add handler processes to start.
    static let lean = ["provisioned=0"]

    @Test("each integration syncs end to end: every Process completes, and Quo has every person once", arguments: [
        ("pipedrive", 250), ("attio", 120), ("axiscare", 120), ("zoho-crm", 120), ("scaling-test", 450),
    ])
    func integration(_ name: String, _ records: Int) async throws {
        let result = try await Self.run(name, records: records, settings: Self.lean)
        let types = try IntegrationCatalog.integrationType(named: name).personObjectTypes
        #expect(result.processes.map(\.context.personObjectType).sorted() == types.sorted())
        for process in result.processes {
            #expect(process.state == .completed, "\(process.name): \(process.errorMessage ?? "")")
            #expect(process.context.totalRecords == records && process.results.totalSynced == records && process.results.totalFailed == 0)
            #expect(process.context.pagination.processedPages == process.context.pagination.totalPages)
        }
        #expect(result.quo.contacts == records * types.count)
        #expect(result.quo.upserts == records * types.count, "every person upserted once")
        #expect(result.succeeded)
        #expect(result.report.queues.first { $0.name == "\(name)-queue" }?.deadLettered == 0)
    }

    @Test("ScalingTest with 10,000 records completes with 10,000 contacts and metrics that add up")
    func scalingTest() async throws {
        let result = try await Self.run("scaling-test", records: 10_000)
        let process = try #require(result.processes.first)
        #expect(process.state == .completed)
        #expect(process.context.totalRecords == 10_000 && process.context.processedRecords == 10_000)
        #expect(process.results.totalSynced == 10_000 && process.results.totalFailed == 0)
        #expect(process.context.pagination.totalPages == 50 && process.context.pagination.processedPages == 50)
        #expect(result.quo.contacts == 10_000 && result.quo.upserts == 10_000)
        let queue = try #require(result.report.queues.first { $0.name == "scaling-test-queue" })
        // INITIAL_SYNC, 50 pages, 50 batches of persons, COMPLETE_SYNC; each received and deleted once.
        #expect(queue.sent == 102 && queue.deleted == 102 && queue.deadLettered == 0)
        let worker = try #require(result.report.functions.first { $0.name == "scalingTestQueueWorker" })
        #expect(worker.invocations == 102 && worker.errors.isEmpty && worker.throttles == 0)
        // The webhook registration, 50 page reads and 50 reads by id, 200 persons each.
        #expect(result.crmCounters.requests == 101 && result.crmCounters.personsReturned == 20_000)
    }

    @Test("a poison record fails its own message into the DLQ with its history; its Process completes with it counted failed")
    func poisonRecord() async throws {
        let state = TestPaths.temporaryDirectory()
        let result = try await Self.run(
            "scaling-test", records: 60,
            settings: Self.lean + ["crm.poison=7", "maxReceiveCount=3"], state: state)
        let process = try #require(result.processes.first)
        #expect(process.state == .completed)
        #expect(process.results.totalSynced == 59 && process.results.totalFailed == 1)
        #expect(process.results.errors.map(\.personId) == ["mock_7"])
        #expect(result.quo.contacts == 59)
        let store = try QueueStore.existing(at: state + "/state.sqlite", readOnly: true)
        let deadLetters = try await store.storedMessages(inQueue: "scaling-test-dlq")
        #expect(deadLetters.count == 1)
        let body = try SyncEvent(messageBody: try #require(deadLetters.first?.body))
        #expect(body == .processPersonBatch(ProcessPersonBatch(
            processId: process.id, personObjectType: "MockPerson", crmPersonIds: ["mock_7"], page: 0, retryOfFailed: true)))
        let show = try await ClientProcess.run(
            TestPaths.queuelab, ["dlq", "show", "scaling-test-dlq", try #require(deadLetters.first?.messageId), "--state", state + "/state.sqlite"])
        #expect(show.status == 0, "\(show.standardError)")
        #expect(show.standardOutput.contains("failed the same way 3 times: PersonRetryError: InvalidPhoneNumber: person mock_7"), "\(show.standardOutput)")
    }

    @Test("under a tight rate limit the CRM answers 429s, the worker retries them, and the sync completes")
    func rateLimited() async throws {
        let result = try await Self.run("scaling-test", records: 800, settings: Self.lean + ["crm.rateLimit=4/s"])
        #expect(result.crmCounters.rateLimited > 0)
        #expect(result.succeeded)
        #expect(result.quo.contacts == 800)
        #expect(result.report.queues.first { $0.name == "scaling-test-queue" }?.deadLettered == 0)
    }

    @Test("a webhook over HTTP and an ongoing sync each sync only the changed person; SMS and call logs reach the CRM")
    func webhookOngoingAndActivities() async throws {
        let sync = try SyncRun(SyncRunConfiguration(
            integration: "scaling-test", root: Self.root, stateDirectory: TestPaths.temporaryDirectory(), records: 300,
            settings: Self.lean, executableSearchPaths: [TestPaths.productsDirectory]))
        try sync.prepareState()
        let runtime = try QueueLabRuntime(configuration: sync.runtimeConfiguration(), logger: Self.logger)
        let processes = try ProcessStore(path: runtime.configuration.syncStateDirectory + "/scaling-test.sqlite")
        try await runtime.withRunning { endpoints in
            let mock = try #require(endpoints.crmMock).server
            let http = try #require(endpoints.http)
            @Sendable func send(_ event: SyncEvent) async throws {
                _ = try await runtime.store.send([OutgoingMessage(body: event.messageBody())], toQueue: "scaling-test-queue", senderId: "test")
            }
            /// The Processes, once there are `count` and all are final, with the queue settled.
            @Sendable func settled(_ count: Int) async throws -> [SyncProcess] {
                try await eventually("\(count) finished Processes and a settled queue") {
                    let all = try await processes.processes(integration: "scaling-test")
                    let counts = try await runtime.store.overview().first { $0.queue.name == "scaling-test-queue" }?.counts
                    guard all.count == count, all.allSatisfy(\.state.isFinal), counts == QueueCounts() else { return nil }
                    return all
                }
            }
            try await send(.initialSync(StartSync()))
            _ = try await settled(1)
            #expect(try await mock.quo.summary() == QuoSummary(contacts: 300, upserts: 300, updates: 0))
            // The initial sync registered the HTTP API's webhook route with the CRM.
            #expect(await mock.webhooks(for: .scalingTest).map(\.url) == [http.url + "/webhooks/scaling-test"])

            // The CRM posts its notification to the webhook function over HTTP; the function queues the person.
            let deliveries = try await mock.fireWebhook(crm: .scalingTest, personId: "mock_5")
            #expect(deliveries.map(\.outcome) == [.answered(status: 202)])
            let webhook = try #require(try await settled(2).first { $0.context.syncType == .webhook })
            #expect(webhook.state == .completed && webhook.results.totalSynced == 1)
            #expect(try await mock.quo.summary() == QuoSummary(contacts: 300, upserts: 301, updates: 1))

            // An ongoing sync fetches what changed since the initial sync started: that person only.
            try await send(.ongoingSync(StartSync()))
            let ongoing = try #require(try await settled(3).first { $0.context.syncType == .ongoing })
            #expect(ongoing.state == .completed && ongoing.context.totalRecords == 1 && ongoing.results.totalSynced == 1)
            #expect(try await mock.quo.summary() == QuoSummary(contacts: 300, upserts: 302, updates: 2))

            let time = Date(timeIntervalSince1970: 1_780_000_000)
            try await send(.logSMS(QuoMessage(direction: .inbound, body: "see you at 3", createdAt: time, contactId: "mock_9")))
            try await send(.logCall(QuoCall(direction: .outbound, duration: 95, aiSummary: "booked", createdAt: time, contactId: "mock_9")))
            let activities = try await eventually("two activities logged") {
                let logged = await mock.activities(for: .scalingTest)
                return logged.count == 2 ? logged : nil
            }
            #expect(activities.map(\.kind).sorted() == ["call", "sms"])
            #expect(activities.allSatisfy { $0.personId == "mock_9" })
        }
    }
}
