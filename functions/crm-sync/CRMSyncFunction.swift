import CRMSync
import Foundation
import LambdaHandler

/// The `crm-sync` function. Its queue worker runs each SQS message's sync event through a
/// `SyncWorker`; its webhook function turns a CRM's webhook POST into a one-page Process. Built
/// once per execution environment (the init phase); a worker and its retrying clients per invocation.
struct CRMSyncFunction: Sendable {
    let environment: WorkerEnvironment
    let integrationType: any CRMIntegration.Type
    let processes: ProcessStore
    let queue: SQSSyncQueue
    let crm: HTTPCRMClient
    let quo: HTTPCRMClient

    /// Time kept back from a CRM client's retries, so that the invocation can still answer.
    static let answerReserveMilliseconds: Int64 = 1000

    init(variables: [String: String]) throws {
        environment = try WorkerEnvironment(variables)
        integrationType = try IntegrationCatalog.integrationType(named: environment.integration)
        processes = try ProcessStore(path: environment.processDatabasePath)
        queue = try SQSSyncQueue(queueURL: environment.queueURL)
        crm = try HTTPCRMClient(baseURL: environment.crmURL)
        quo = try HTTPCRMClient(baseURL: environment.quoURL)
    }

    func handle(_ payload: [UInt8], _ context: LambdaContext) async throws -> [UInt8] {
        let event: InvocationEvent
        do {
            event = try JSONDecoder().decode(InvocationEvent.self, from: Data(payload))
        } catch let error as LambdaError {
            throw error
        } catch {
            throw LambdaError(errorType: "Runtime.UnmarshalError", errorMessage: "Unable to unmarshal input: \(error)")
        }
        switch event {
        case .sqs(let event): return try await handle(event, context, as: integrationType)
        case .webhook(let request): return try await receive(request, context, as: integrationType)
        }
    }

    /// Each message is one sync event; see `SyncBatchAnswer` for how failures are answered.
    private func handle<Integration: CRMIntegration>(_ event: SQSEvent, _ context: LambdaContext, as type: Integration.Type)
        async throws -> [UInt8]
    {
        let worker = worker(for: type, context)
        var failures: [(messageId: String, error: any Error)] = []
        for record in event.records {
            do {
                try await worker.handle(try SyncEvent(messageBody: record.body), isLastReceive: isLastReceive(record))
            } catch {
                context.log("FAILED message \(record.messageId): \(error)")
                failures.append((record.messageId, error))
                backOff(record, context)
            }
        }
        switch SyncBatchAnswer(batchSize: event.records.count, failures: failures) {
        case .failedMessages(let ids): return Array(try JSONEncoder().encode(SQSBatchResponse(failedMessageIDs: ids)))
        case .failure(let error): throw error
        }
    }

    /// Brings a failed message back after `RetryBackoff`'s wait, or at once after its last receive
    /// so that its next receive moves it to the DLQ now (best effort: if SQS refuses, it comes back
    /// after the queue's visibility timeout as it would anyway).
    private func backOff(_ record: SQSEvent.Message, _ context: LambdaContext) {
        let receiveCount = record.attributes["ApproximateReceiveCount"].flatMap { Int($0) } ?? 1
        let seconds = isLastReceive(record) ? 0 : RetryBackoff.seconds(afterReceive: receiveCount)
        do {
            try queue.retry(receiptHandle: record.receiptHandle, inSeconds: seconds)
        } catch {
            context.log("could not shorten the wait of message \(record.messageId): \(error)")
        }
    }

    /// Whether SQS dead-letters `record` if this attempt fails: its receive count has reached the
    /// queue's maxReceiveCount.
    private func isLastReceive(_ record: SQSEvent.Message) -> Bool {
        guard let maxReceiveCount = environment.maxReceiveCount,
            let receiveCount = record.attributes["ApproximateReceiveCount"].flatMap({ Int($0) })
        else { return false }
        return receiveCount >= maxReceiveCount
    }

    /// A CRM webhook: 202 once its persons are queued, 400 for a body that is not the CRM's notification.
    private func receive<Integration: CRMIntegration>(
        _ request: InvocationEvent.HTTPRequest, _ context: LambdaContext, as type: Integration.Type
    ) async throws -> [UInt8] {
        let response: HTTPResponse
        do {
            let webhook = try Integration.webhookChanges(in: request.bodyBytes)
            try await worker(for: type, context).receiveWebhook(webhook)
            response = try HTTPResponse(statusCode: 202, json: WebhookAnswer(status: "queued", count: webhook.records.count))
        } catch let error as CRMIntegrationError {
            context.log("REFUSED webhook: \(error)")
            response = try HTTPResponse(statusCode: 400, json: WebhookAnswer(status: "refused", message: error.description))
        }
        return Array(try JSONEncoder().encode(response))
    }

    private func worker<Integration: CRMIntegration>(for type: Integration.Type, _ context: LambdaContext) -> SyncWorker<Integration> {
        let deadline = context.deadlineMilliseconds - Self.answerReserveMilliseconds
        return SyncWorker(
            integration: Integration(client: RetryingCRMClient(crm, deadlineMilliseconds: deadline)), processes: processes, queue: queue,
            quo: QuoClient(client: RetryingCRMClient(quo, deadlineMilliseconds: deadline)), settings: environment.settings,
            apiURL: environment.apiURL, log: { context.log($0) })
    }

    struct WebhookAnswer: Encodable {
        var status: String
        var count: Int?
        var message: String?
    }
}
