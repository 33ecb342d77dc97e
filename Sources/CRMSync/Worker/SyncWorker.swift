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

    /// Handles one event; throws if it must be delivered again (or, after its last receive, dead-lettered).
    public func handle(_ event: SyncEvent) async throws {
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
