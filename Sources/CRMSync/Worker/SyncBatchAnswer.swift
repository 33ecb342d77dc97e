/// How the worker answers a batch of SQS messages (the mapping reports batch item failures).
/// Messages that failed are listed as batch item failures, so only they come back. When every
/// message failed, the invocation fails with the error instead: SQS treats that the same way, and
/// the function's error (its type and message) is what the attempt history and `queuelab dlq
/// show` then tell.
public enum SyncBatchAnswer {
    case failedMessages([String])
    case failure(any Error)

    /// - Parameter failures: each failed message's id and error, in batch order.
    public init(batchSize: Int, failures: [(messageId: String, error: any Error)]) {
        guard batchSize > 0, failures.count == batchSize else {
            self = .failedMessages(failures.map(\.messageId))
            return
        }
        self = .failure(failures.count == 1 ? failures[0].error : SyncBatchError(failures: failures.map { ($0.messageId, "\($0.error)") }))
    }
}

/// Every message of a batch failed; one line per message.
public struct SyncBatchError: Error, CustomStringConvertible {
    public var failures: [(messageId: String, reason: String)]

    public var description: String {
        failures.map { "\($0.messageId): \($0.reason)" }.joined(separator: "; ")
    }
}
