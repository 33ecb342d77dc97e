import FunctionHost
import QueueStore
import StrictJSON

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

    /// - Parameters:
    ///   - outcome: how the invocation ended; `payload` is the function's response or Lambda's error document.
    ///   - messageIds: the batch, in order.
    init(
        outcome: InvocationResult.Outcome, payload: [UInt8], messageIds: [String], reportsBatchItemFailures: Bool
    ) {
        let all = Set(messageIds)
        guard outcome == .succeeded else {
            let error = Self.errorDocument(payload)
            self.init(outcome: Self.deliveryOutcome(outcome), kept: all, errorType: error.type, errorMessage: error.message)
            return
        }
        guard reportsBatchItemFailures else {
            self.init(outcome: .succeeded, kept: [])
            return
        }
        switch ItemFailures.parse(payload, batch: all) {
        case .success(let failed) where failed.isEmpty:
            self.init(outcome: .succeeded, kept: [])
        case .success(let failed):
            self.init(outcome: .batchItemFailures, kept: failed)
        case .failure(let rule):
            self.init(outcome: .invalidResponse, kept: all, errorType: ItemFailures.errorType, errorMessage: rule.message)
        }
    }

    private static func deliveryOutcome(_ outcome: InvocationResult.Outcome) -> DeliveryOutcome {
        switch outcome {
        case .succeeded: .succeeded
        case .functionError: .functionError
        case .invalidResponse: .invalidResponse
        case .initFailed: .initFailed
        case .timedOut: .timedOut
        case .outOfMemory: .outOfMemory
        case .runtimeExited: .crashed
        }
    }

    /// `errorType` and `errorMessage` of Lambda's error document, when the payload is one.
    private static func errorDocument(_ payload: [UInt8]) -> (type: String?, message: String?) {
        guard case .object(let members)? = try? JSONParser.parse(payload) else {
            return (nil, payload.isEmpty ? nil : String(decoding: payload.prefix(1024), as: UTF8.self))
        }
        func text(_ key: String) -> String? {
            if case .string(let value)? = members[key] { value } else { nil }
        }
        return (text("errorType"), text("errorMessage"))
    }
}
