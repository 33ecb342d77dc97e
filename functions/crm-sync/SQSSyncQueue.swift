import CRMSync
import LambdaHandler
import Synchronization

/// The integration's queue through the handler library's SQS client (`AWS_ENDPOINT_URL_SQS`).
final class SQSSyncQueue: SyncQueue {
    private let client: Mutex<SQSClient>
    private let queueURL: String

    init(queueURL: String) throws(SQSClientError) {
        client = Mutex(try SQSClient())
        self.queueURL = queueURL
    }

    func send(_ events: [SyncEvent]) async throws {
        for batch in SyncPlanner.sendBatches(events) {
            let entries = batch.enumerated().map { index, event in
                SQSClient.BatchEntry(id: String(index), message: SQSClient.OutgoingMessage(body: event.messageBody()))
            }
            let result = try client.withLock { client in try client.sendMessageBatch(entries, queueURL: queueURL) }
            if let failed = result.failed.first {
                throw SQSClientError(code: failed.code, message: "SendMessageBatch refused \(result.failed.count) of \(entries.count) events: \(failed.message ?? failed.code)")
            }
        }
    }

    /// Makes a failed message visible again in `seconds` rather than after the queue's visibility timeout.
    func retry(receiptHandle: String, inSeconds seconds: Int) throws {
        try client.withLock { client in try client.changeMessageVisibility(receiptHandle: receiptHandle, queueURL: queueURL, seconds: seconds) }
    }
}
