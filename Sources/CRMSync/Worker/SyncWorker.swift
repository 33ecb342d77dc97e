import Foundation

/// Handles the sync's queue events for one integration, as the seed's `BaseCRMIntegration`
/// queue handlers do: starts Processes, fans pages out, processes persons into Quo, completes
/// Processes exactly once, and logs Quo activity on the CRM. Build one per invocation, around an
/// integration whose client retries within that invocation's time.
///
/// Every step is safe to repeat when SQS delivers a message twice: the Process store counts a
/// page once, refuses invalid transitions, and tells which step still has to send what.
public struct SyncWorker<Integration: CRMIntegration>: Sendable {
    let integration: Integration
    let processes: ProcessStore
    let queue: any SyncQueue
    let quo: QuoClient
    let settings: SyncSettings
    /// The HTTP API's URL (`API_URL`), whose webhook route `setupWebhooks` registers; nil registers none.
    let apiURL: String?
    let log: @Sendable (String) -> Void
    let now: @Sendable () -> Date

    public init(
        integration: Integration, processes: ProcessStore, queue: any SyncQueue, quo: QuoClient, settings: SyncSettings,
        apiURL: String?, log: @escaping @Sendable (String) -> Void, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.integration = integration
        self.processes = processes
        self.queue = queue
        self.quo = quo
        self.settings = settings
        self.apiURL = apiURL
        self.log = log
        self.now = now
    }

    /// Handles one event; throws if it must be delivered again (or, after its last receive,
    /// dead-lettered). On the last receive a failure still settles the Process, as the seed's
    /// handlers do at once: a page that cannot be fetched puts it in ERROR, and a batch that cannot
    /// be processed counts its persons as failed, so that no Process waits for a dead letter.
    /// - Parameter isLastReceive: SQS will not deliver the message again if this attempt fails.
    public func handle(_ event: SyncEvent, isLastReceive: Bool = false) async throws {
        do {
            try await perform(event)
        } catch {
            if isLastReceive { await settle(event, after: error) }
            throw error
        }
    }

    func perform(_ event: SyncEvent) async throws {
        switch event {
        case .initialSync(let start):
            try await startSyncs(.initial, start)
        case .ongoingSync(let start):
            try await startSyncs(.ongoing, start)
        case .webhookReceived(let webhook):
            try await receiveWebhook(webhook)
        case .fetchPersonPage(let page):
            try await fetch(page)
        case .processPersonBatch(let batch):
            try await process(batch)
        case .completeSync(let complete):
            let process = try await processes.completeSync(complete.processId)
            log("COMPLETED \(process.name) \(process.id): \(process.results.totalSynced) synced, \(process.results.totalFailed) failed")
        case .logSMS(let message):
            try await integration.logSMSToActivity(SMSActivity(message))
        case .logCall(let call):
            try await integration.logCallToActivity(CallActivity(call))
        }
    }

    /// What a failed last receive of `event` leaves on its Process. Best effort: the message fails
    /// with its own error either way.
    func settle(_ event: SyncEvent, after error: any Error) async {
        do {
            switch event {
            case .fetchPersonPage(let page):
                let process = try await processes.process(page.processId)
                guard !process.state.isFinal else { return }
                _ = try await processes.fail(page.processId, message: "page \(page.page) failed on its last receive: \(error)")
                log("ERROR \(process.name) \(page.processId): page \(page.page) failed on its last receive")
            case .processPersonBatch(let batch) where !batch.retryOfFailed:
                let entry = ProcessErrorEntry(
                    personId: nil, page: batch.page, message: "the batch of \(batch.crmPersonIds.count) failed on its last receive: \(error)",
                    timestamp: now())
                let outcome = PageOutcome(page: batch.page, synced: 0, failed: batch.crmPersonIds.count, errors: [entry])
                try await complete(batch.processId, after: try await processes.recordPage(batch.processId, outcome))
            default:
                return
            }
        } catch {
            log("could not record the failure on its Process: \(error)")
        }
    }

    /// INITIAL_SYNC or ONGOING_SYNC: one Process per person object type, each starting at page 0.
    /// An initial sync first registers the webhook route, as the seed's `onCreate` does.
    func startSyncs(_ syncType: SyncType, _ start: StartSync) async throws {
        if syncType == .initial, let apiURL { try await integration.setupWebhooks(apiURL: apiURL) }
        var firstPages: [SyncEvent] = []
        for objectType in Integration.personObjectTypes {
            let modifiedSince = syncType == .ongoing
                ? try await processes.lastCompletedSyncStart(integration: Integration.name, personObjectType: objectType) : nil
            let pageSize = syncType == .ongoing ? settings.ongoingBatchSize : settings.initialBatchSize
            let process = try await processes.createSync(
                integration: Integration.name, integrationId: start.integrationId, syncType: syncType, personObjectType: objectType,
                pageSize: pageSize, modifiedSince: modifiedSince)
            log("STARTED \(process.name) \(process.id) (\(syncType.rawValue))")
            firstPages.append(.fetchPersonPage(SyncPlanner.firstPage(
                processId: process.id, personObjectType: objectType, syncType: syncType, settings: settings, modifiedSince: modifiedSince)))
        }
        try await queue.send(firstPages)
    }

    /// The seed's `handleWebhook`: a one-page Process for the changed persons, processed as a batch.
    public func receiveWebhook(_ webhook: WebhookReceived) async throws {
        guard !webhook.records.isEmpty else { return }
        let objectType = webhook.personObjectType ?? Integration.personObjectTypes[0]
        guard Integration.personObjectTypes.contains(objectType) else {
            throw CRMIntegrationError(.unknownObjectType, "\(Integration.name) syncs \(Integration.personObjectTypes.joined(separator: ", ")), not \(objectType)")
        }
        let process = try await processes.createWebhookSync(
            integration: Integration.name, personObjectType: objectType, personCount: webhook.records.count)
        try await queue.send([.processPersonBatch(ProcessPersonBatch(
            processId: process.id, personObjectType: objectType, crmPersonIds: webhook.personIds, page: 0, isWebhook: true))])
    }

    /// Sends `COMPLETE_SYNC` when `decision` says this worker finished the Process, or when a
    /// redelivered message finds it still COMPLETING (the delivery that moved it there stopped
    /// before sending; completing twice changes nothing).
    func complete(_ processId: String, after decision: CompletionDecision) async throws {
        switch decision {
        case .sendCompleteSync:
            try await queue.send([.completeSync(CompleteSync(processId: processId))])
        case .duplicatePage:
            guard try await processes.process(processId).state == .completing else { return }
            try await queue.send([.completeSync(CompleteSync(processId: processId))])
        case .pending:
            return
        }
    }
}
