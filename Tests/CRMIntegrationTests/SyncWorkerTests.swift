import CRMMock
import CRMSync
import Foundation
import TestSupport
import Testing

/// The sync worker against the real mock CRMs and Quo over HTTP and a real Process store file,
/// with its queue looped back in memory, several events at a time: the seed's whole flow for each
/// integration, without SQS and Lambda (the runtime's end-to-end tests add those).
@Suite("The sync worker syncs each integration end to end")
struct SyncWorkerTests {
    static let names = IntegrationCatalog.integrationTypes.map { $0.name }
    static let records = MockCRMFixture.records
    /// Small pages, so that 30 persons make five of them and the fan-out has work to do.
    static let settings = SyncSettings(initialBatchSize: 7, ongoingBatchSize: 5)

    @Test("an initial sync puts every good person in Quo once, transformed; each Process completes once with its poison records failed and dead-lettered", arguments: names)
    func initialSync(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in
            try await Self.initialSync(IntegrationCatalog.integrationType(named: name), fixture)
        }
    }

    static func initialSync<Integration: CRMIntegration>(_ type: Integration.Type, _ fixture: MockCRMFixture) async throws {
        let harness = try Harness<Integration>(fixture)
        try await harness.run(.initialSync(StartSync()))
        let processes = try await harness.processes.processes(integration: Integration.name)
        #expect(processes.count == Integration.personObjectTypes.count)
        let poisonCount = MockCRMFixture.poison.count
        for process in processes {
            let context = "\(process.name)"
            #expect(process.state == .completed, "\(context)")
            #expect(process.context.totalRecords == records, "\(context)")
            #expect(process.context.processedRecords == records, "\(context)")
            #expect(process.context.pagination.totalPages == 5 && process.context.pagination.processedPages == 5, "\(context)")
            #expect(process.results.totalSynced == records - poisonCount, "\(context)")
            #expect(process.results.totalFailed == poisonCount, "\(context)")
            let poisonIds = try MockCRMFixture.poison.sorted().map { try Integration.mockPersonId($0, process.context.personObjectType) }
            #expect(Set(process.results.errors.compactMap(\.personId)) == Set(poisonIds), "\(context)")
            let completions = await harness.queue.sent.filter { $0 == .completeSync(CompleteSync(processId: process.id)) }
            #expect(completions.count == 1, "\(context): COMPLETE_SYNC sent once")
            // Each poison record failed its own message on every receive, and only that message was
            // dead-lettered (AxisCare cannot read a person by id, so its poison records are only counted).
            let deadLettered = Integration.fetchesPersonsByIds ? poisonIds.sorted().map { [$0] } : []
            let deadLetters = await harness.queue.deadLetters.filter {
                guard case .processPersonBatch(let batch) = $0.event else { return false }
                return batch.processId == process.id
            }
            #expect(deadLetters.compactMap { letter -> [String]? in
                guard case .processPersonBatch(let batch) = letter.event else { return nil }
                return batch.crmPersonIds
            }.sorted { $0[0] < $1[0] } == deadLettered, "\(context)")
            for letter in deadLetters {
                #expect(letter.errors.count == 3 && letter.errors.allSatisfy { $0.contains("InvalidPhoneNumber") }, "\(letter.errors)")
            }
        }
        #expect(await harness.queue.deadLetters.count == (Integration.fetchesPersonsByIds ? poisonCount * processes.count : 0))
        // Quo holds each good person once, as the integration transforms it.
        let contacts = try await fixture.server.quo.contacts().contacts
        var expected: [String] = []
        for objectType in Integration.personObjectTypes {
            for number in 1...records where !MockCRMFixture.poison.contains(number) {
                expected.append(try Integration.mockPersonId(number, objectType))
            }
        }
        #expect(contacts.map(\.externalId).sorted() == expected.sorted())
        let integration = try fixture.integration(named: Integration.name)
        let persons = try await Self.allPersons(integration)
        for contact in contacts {
            let transformed = try #require(persons[contact.externalId])
            #expect(contact.defaultFields.firstName == transformed.defaultFields.firstName, "\(contact.externalId)")
            #expect(contact.defaultFields.lastName == transformed.defaultFields.lastName, "\(contact.externalId)")
            #expect(contact.defaultFields.phoneNumbers.map(\.value) == transformed.defaultFields.phoneNumbers.map(\.value))
            #expect(contact.defaultFields.emails.map(\.value) == transformed.defaultFields.emails.map(\.value))
            #expect(contact.source == transformed.source)
        }
    }

    /// Every good person's contact as the integration transforms it, by external id.
    static func allPersons<Integration: CRMIntegration>(_ integration: Integration) async throws -> [String: CRMSync.QuoContact] {
        var contacts: [String: CRMSync.QuoContact] = [:]
        for objectType in Integration.personObjectTypes {
            let page = try await integration.fetchPersonPage(PageRequest(objectType: objectType, page: 0, limit: records, sortDesc: true))
            for contact in await integration.transformPersons(page.persons).contacts { contacts[contact.externalId] = contact }
        }
        return contacts
    }

    @Test("an ongoing sync after a completed one fetches only the persons changed since it started", arguments: names)
    func ongoingSync(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in
            try await Self.ongoingSync(IntegrationCatalog.integrationType(named: name), fixture)
        }
    }

    static func ongoingSync<Integration: CRMIntegration>(_ type: Integration.Type, _ fixture: MockCRMFixture) async throws {
        let harness = try Harness<Integration>(fixture)
        try await harness.run(.initialSync(StartSync()))
        let crm = try Integration.mockCRM
        let changed = try Integration.mockPersonId(5, Integration.personObjectTypes[0])
        _ = try await fixture.server.fireWebhook(crm: crm, personId: changed)
        let before = try await fixture.server.quo.summary()
        try await harness.run(.ongoingSync(StartSync()))
        let ongoing = try await harness.processes.processes(integration: Integration.name).filter { $0.context.syncType == .ongoing }
        #expect(ongoing.count == Integration.personObjectTypes.count)
        for process in ongoing {
            #expect(process.state == .completed, "\(process.name)")
            let expected = process.context.personObjectType == Integration.personObjectTypes[0] ? 1 : 0
            #expect(process.context.totalRecords == expected && process.results.totalSynced == expected, "\(process.name)")
        }
        let after = try await fixture.server.quo.summary()
        #expect(after.contacts == before.contacts)
        #expect(after.updates == before.updates + 1, "only the changed person is upserted again")
    }

    @Test("a webhook's persons become a one-page Process that completes with them upserted")
    func webhook() async throws {
        try await MockCRMFixture.run { fixture in
            let harness = try Harness<ScalingTestIntegration>(fixture)
            let notification = #"{"event": "person.updated", "timestamp": "2026-01-01T00:00:00Z", "data": {"id": "mock_4"}}"#
            let webhook = try ScalingTestIntegration.webhookChanges(in: Array(notification.utf8))
            try await harness.worker().receiveWebhook(webhook)
            try await harness.drain()
            let process = try #require(try await harness.processes.processes(integration: ScalingTestIntegration.name).first)
            #expect(process.context.syncType == .webhook && process.state == .completed)
            #expect(process.results.totalSynced == 1)
            #expect(try await fixture.server.quo.contacts().contacts.map(\.externalId) == ["mock_4"])
        }
    }

    @Test("a page the CRM fails on every receive puts its Process in ERROR on the last one, and the page is dead-lettered")
    func failedPage() async throws {
        try await MockCRMFixture.run { fixture in
            var settings = await fixture.server.settings(for: .scalingTest)
            settings.errorRate = 1
            await fixture.server.update(settings, for: .scalingTest)
            let harness = try Harness<ScalingTestIntegration>(fixture)
            try await harness.run(.initialSync(StartSync()))
            let process = try #require(try await harness.processes.processes(integration: ScalingTestIntegration.name).first)
            #expect(process.state == .error)
            #expect(process.errorMessage?.hasPrefix("page 0 failed on its last receive: ") == true, "\(process.errorMessage ?? "")")
            let deadLetters = await harness.queue.deadLetters
            #expect(deadLetters.count == 1)
            guard case .fetchPersonPage(let page) = deadLetters.first?.event else {
                Issue.record("expected the page to be dead-lettered, not \(deadLetters)")
                return
            }
            #expect(page.page == 0 && deadLetters[0].errors.count == 3)
        }
    }

    @Test("a batch that fails on every receive counts its persons as failed on the last one, and its Process completes")
    func failedBatch() async throws {
        try await MockCRMFixture.run { fixture in
            let harness = try Harness<ScalingTestIntegration>(fixture)
            let process = try await harness.processes.createWebhookSync(
                integration: ScalingTestIntegration.name, personObjectType: "MockPerson", personCount: 2)
            var settings = await fixture.server.settings(for: .scalingTest)
            settings.errorRate = 1
            await fixture.server.update(settings, for: .scalingTest)
            try await harness.run(.processPersonBatch(ProcessPersonBatch(
                processId: process.id, personObjectType: "MockPerson", crmPersonIds: ["mock_1", "mock_2"], page: 0, isWebhook: true)))
            let settled = try await harness.processes.process(process.id)
            #expect(settled.state == .completed)
            #expect(settled.results.totalFailed == 2 && settled.results.totalSynced == 0)
            #expect(settled.results.errors.first?.message.hasPrefix("the batch of 2 failed on its last receive: ") == true)
            #expect(await harness.queue.deadLetters.count == 1)
        }
    }

    @Test("LOG_SMS and LOG_CALL reach the CRM's activity endpoint", arguments: names)
    func activities(_ name: String) async throws {
        try await MockCRMFixture.run { fixture in
            try await Self.activities(IntegrationCatalog.integrationType(named: name), fixture)
        }
    }

    static func activities<Integration: CRMIntegration>(_ type: Integration.Type, _ fixture: MockCRMFixture) async throws {
        let harness = try Harness<Integration>(fixture)
        let contact = try Integration.mockPersonId(2, Integration.personObjectTypes[0])
        let time = Date(timeIntervalSince1970: 1_780_000_000)
        try await harness.run(.logSMS(QuoMessage(direction: .inbound, body: "see you at 3", createdAt: time, contactId: contact)))
        try await harness.run(.logCall(QuoCall(direction: .outbound, duration: 95, aiSummary: "booked", createdAt: time, contactId: contact)))
        let activities = await fixture.server.activities(for: try Integration.mockCRM)
        #expect(activities.count == 2)
        #expect(activities.allSatisfy { $0.personId == contact })
        #expect(await harness.queue.deadLetters.isEmpty)
    }
}

/// One integration's worker over the fixture, its queue looped back, its Process store in a fresh file.
struct Harness<Integration: CRMIntegration>: Sendable {
    let fixture: MockCRMFixture
    let processes: ProcessStore
    let queue = LoopbackQueue()

    init(_ fixture: MockCRMFixture) throws {
        self.fixture = fixture
        processes = try ProcessStore(path: TestPaths.temporaryDirectory() + "/\(Integration.name).sqlite")
    }

    func worker() -> SyncWorker<Integration> {
        SyncWorker(
            integration: Integration(client: HTTPCRMClient(baseURL: fixture.url + "/" + Integration.name)), processes: processes,
            queue: queue, quo: QuoClient(client: fixture.quoClient), settings: SyncWorkerTests.settings, apiURL: nil, log: { _ in })
    }

    /// Sends `event` and works until the queue is empty.
    func run(_ event: SyncEvent) async throws {
        try await queue.send([event])
        try await drain()
    }

    func drain() async throws {
        let worker = worker()
        await queue.drain(concurrency: 4) { try await worker.handle($0, isLastReceive: $1) }
    }
}
