import FunctionHost
import QueueStore

/// What an invocation's result means for its batch, by Lambda's rules: a success deletes the
/// batch; an error, timeout, out-of-memory or crash deletes nothing; with ReportBatchItemFailures
/// a success keeps exactly the messages the function listed, and a malformed list fails the whole
/// batch. Pure, so every rule is tested without a function.
struct BatchVerdict: Sendable, Equatable {
    let outcome: DeliveryOutcome
    /// Message ids that stay on the queue (all of them when the batch failed).
    let kept: Set<String>
    let errorType: String?
    let errorMessage: String?

    init(outcome: DeliveryOutcome, kept: Set<String>, errorType: String? = nil, errorMessage: String? = nil) {
        self.outcome = outcome
        self.kept = kept
        self.errorType = errorType
        self.errorMessage = errorMessage
    }

    /// - Parameter messageIds: the batch, in order.
    init(_ result: InvocationResult, messageIds: [String], reportsBatchItemFailures: Bool) {
        let all = Set(messageIds)
        if let error = result.error {
            self.init(outcome: DeliveryOutcome(result.outcome), kept: all, errorType: error.type, errorMessage: error.message)
            return
        }
        guard reportsBatchItemFailures else {
            self.init(outcome: .succeeded, kept: [])
            return
        }
        switch ItemFailures.parse(result.payload, batch: all) {
        case .success(let failed) where failed.isEmpty:
            self.init(outcome: .succeeded, kept: [])
        case .success(let failed):
            self.init(outcome: .batchItemFailures, kept: failed)
        case .failure(let rule):
            self.init(outcome: .invalidResponse, kept: all, errorType: ItemFailures.errorType, errorMessage: rule.message)
        }
    }
}

extension DeliveryOutcome {
    /// How an attempt that reached the function ended.
    public init(_ outcome: InvocationResult.Outcome) {
        self = switch outcome {
        case .succeeded: .succeeded
        case .functionError: .functionError
        case .invalidResponse: .invalidResponse
        case .initFailed: .initFailed
        case .timedOut: .timedOut
        case .outOfMemory: .outOfMemory
        case .runtimeExited: .crashed
        }
    }
}
