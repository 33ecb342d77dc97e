import Foundation
import FunctionHost
import QueueStore

/// One receive of a message by an event source mapping, as dead-letter forensics tells it: the
/// attempt that carried the message, and what became of this message in it.
///
/// `outcome` is one of eight values, drawn from the attempt's recorded outcome and the message's
/// part in it (`recordedOutcome` keeps the store's own value):
/// - `succeeded`: the batch succeeded, or it reported `batchItemFailures` without this message;
/// - `functionError`: the handler failed; also a batch whose `batchItemFailures` listed this
///   message (error `BatchItemFailure`), and an invoke the host refused before any function ran
///   (`invokeRejected`, e.g. `RequestTooLargeException`);
/// - `timedOut`, `outOfMemory`, `invalidResponse`: as recorded;
/// - `crashed`: the runtime process exited (`crashed`) or failed to initialize (`initFailed`), or
///   QueueLab stopped before the attempt ended (`interrupted`, error `Interrupted`);
/// - `throttled`: every offer of the batch was throttled, so the function never ran;
/// - `filtered`: the message matched none of the mapping's filter patterns.
public struct MessageAttempt: Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case succeeded, functionError, timedOut, outOfMemory, crashed, invalidResponse, throttled, filtered
    }

    /// An error as the attempt recorded it.
    public struct Failure: Codable, Sendable, Equatable {
        public var type: String
        public var message: String

        public init(type: String, message: String) {
            self.type = type
            self.message = message
        }

        /// The message without the `RequestId: … Error: ` prefix the platform's errors carry, so that
        /// the same failure reads the same on every attempt.
        public var plainMessage: String {
            guard message.hasPrefix("RequestId: "), let range = message.range(of: " Error: ") else { return message }
            return String(message[range.upperBound...])
        }

        /// `Type: message`.
        public var summary: String {
            plainMessage.isEmpty ? type : "\(type): \(plainMessage)"
        }
    }

    public static let batchItemFailure = Failure(type: "BatchItemFailure", message: "the function listed the message in batchItemFailures")
    public static let interrupted = Failure(type: "Interrupted", message: "QueueLab stopped before the attempt ended")

    public var attemptId: Int64
    /// Which life of the message (1 until it is first redriven).
    public var life: Int
    /// Milliseconds since the epoch.
    public var receivedAt: Int64
    public var function: String
    public var mappingId: String?
    public var requestId: String?
    public var coldStart: Bool
    public var durationMicroseconds: Int64?
    public var outcome: Outcome
    public var recordedOutcome: DeliveryOutcome
    public var error: Failure?
    /// Times the function refused the batch for lack of concurrency.
    public var throttles: Int
    /// Why it was throttled, when it was.
    public var throttleReason: ThrottleReason?
    /// The function's timeout in seconds in the run that made the attempt, when the run recorded it.
    public var functionTimeout: Int?

    public init(
        attemptId: Int64, life: Int, receivedAt: Int64, function: String, mappingId: String? = nil, requestId: String? = nil,
        coldStart: Bool = false, durationMicroseconds: Int64? = nil, outcome: Outcome, recordedOutcome: DeliveryOutcome,
        error: Failure? = nil, throttles: Int = 0, throttleReason: ThrottleReason? = nil, functionTimeout: Int? = nil
    ) {
        self.attemptId = attemptId
        self.life = life
        self.receivedAt = receivedAt
        self.function = function
        self.mappingId = mappingId
        self.requestId = requestId
        self.coldStart = coldStart
        self.durationMicroseconds = durationMicroseconds
        self.outcome = outcome
        self.recordedOutcome = recordedOutcome
        self.error = error
        self.throttles = throttles
        self.throttleReason = throttleReason
        self.functionTimeout = functionTimeout
    }

    /// The message's part in a recorded attempt.
    public init(_ attempt: DeliveryAttempt, status: DeliveredMessageStatus, life: Int, functionTimeout: Int?) {
        let recorded = attempt.errorType.map { Failure(type: $0, message: attempt.errorMessage ?? "") }
        let (outcome, error) = Self.outcome(of: attempt.outcome, status: status, recordedError: recorded)
        self.init(
            attemptId: attempt.id ?? 0, life: life, receivedAt: attempt.receivedAt, function: attempt.functionName,
            mappingId: attempt.mappingId, requestId: attempt.requestId, coldStart: attempt.coldStart,
            durationMicroseconds: attempt.durationMicroseconds, outcome: outcome, recordedOutcome: attempt.outcome, error: error,
            throttles: attempt.throttles, throttleReason: attempt.throttles > 0 ? Self.throttleReason(in: attempt.errorMessage) : nil,
            functionTimeout: functionTimeout)
    }

    /// See the type's documentation for the mapping.
    static func outcome(
        of recorded: DeliveryOutcome, status: DeliveredMessageStatus, recordedError: Failure?
    ) -> (Outcome, Failure?) {
        if status == .filteredOut { return (.filtered, nil) }
        switch recorded {
        case .succeeded: return (.succeeded, nil)
        case .batchItemFailures: return status == .reportedFailed ? (.functionError, batchItemFailure) : (.succeeded, nil)
        case .functionError, .invokeRejected: return (.functionError, recordedError)
        case .timedOut: return (.timedOut, recordedError)
        case .outOfMemory: return (.outOfMemory, recordedError)
        case .invalidResponse: return (.invalidResponse, recordedError)
        case .crashed, .initFailed: return (.crashed, recordedError)
        case .interrupted, .inProgress: return (.crashed, interrupted)
        case .throttled: return (.throttled, recordedError)
        case .filtered: return (.filtered, nil)
        }
    }

    /// The reason the poller recorded for a throttled batch: `Rate Exceeded. (<reason>); …`.
    static func throttleReason(in message: String?) -> ThrottleReason? {
        guard let message, let open = message.firstIndex(of: "("),
              let close = message[open...].firstIndex(of: ")") else { return nil }
        return ThrottleReason(rawValue: String(message[message.index(after: open)..<close]))
    }
}

extension MessageAttempt: Encodable {
    private enum CodingKeys: String, CodingKey {
        case attemptId, life, receivedAt, function, mappingId, requestId, coldStart, durationMs, outcome, recordedOutcome, error
        case throttles, throttleReason
    }

    /// Every key is present; what is unknown is `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(attemptId, forKey: .attemptId)
        try container.encode(life, forKey: .life)
        try container.encode(StoreTime.iso8601(receivedAt), forKey: .receivedAt)
        try container.encode(function, forKey: .function)
        try container.encode(mappingId, forKey: .mappingId)
        try container.encode(requestId, forKey: .requestId)
        try container.encode(coldStart, forKey: .coldStart)
        try container.encode(durationMicroseconds.map { Double($0) / 1000 }, forKey: .durationMs)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(recordedOutcome, forKey: .recordedOutcome)
        try container.encode(error, forKey: .error)
        try container.encode(throttles, forKey: .throttles)
        try container.encode(throttleReason?.rawValue, forKey: .throttleReason)
    }
}
