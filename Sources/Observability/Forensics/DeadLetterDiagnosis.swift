import Foundation
import FunctionHost

/// Why a message died, in one line: read from the attempts of its last life and the configuration
/// it ran under, with the fix when the attempts point to one. Pure.
public struct DeadLetterDiagnosis: Sendable, Equatable, Codable {
    public enum Kind: String, Codable, Sendable {
        /// No event source mapping received it: other consumers did, without deleting it.
        case notDelivered
        /// Every receive was throttled.
        case neverRan
        /// The same function error every time.
        case sameFailure
        case timedOut
        case outOfMemory
        case crashed
        case invalidResponse
        /// Listed in `batchItemFailures` every time.
        case reportedFailed
        /// Matched no filter every time.
        case filtered
        /// Succeeded every time, but too late to delete it: it had been received again meanwhile.
        case staleReceipt
        /// Different outcomes.
        case mixed
    }

    /// What the run configured for the function and the mapping that received the message last.
    public struct Configuration: Sendable, Equatable {
        public var reservedConcurrency: Int?
        public var maximumConcurrency: Int?
        public var batchSize: Int?
        /// Seconds.
        public var timeout: Int?
        /// MB.
        public var memorySize: Int?

        public init(reservedConcurrency: Int? = nil, maximumConcurrency: Int? = nil, batchSize: Int? = nil, timeout: Int? = nil, memorySize: Int? = nil) {
            self.reservedConcurrency = reservedConcurrency
            self.maximumConcurrency = maximumConcurrency
            self.batchSize = batchSize
            self.timeout = timeout
            self.memorySize = memorySize
        }
    }

    public let kind: Kind
    public let summary: String

    public init(kind: Kind, summary: String) {
        self.kind = kind
        self.summary = summary
    }

    /// - Parameters:
    ///   - attempts: the last life's attempts, oldest first.
    ///   - receiveCount: the receives of the last life, the mapping's and any other consumer's.
    public init(attempts: [MessageAttempt], receiveCount: Int, configuration: Configuration) {
        guard let first = attempts.first else {
            self.init(
                kind: .notDelivered,
                summary: "no event source mapping received it: its \(Self.count(receiveCount, "receive")) came from other consumers, which did not delete it")
            return
        }
        let labels = attempts.map(Self.label)
        guard labels.allSatisfy({ $0 == labels[0] }) else {
            self.init(kind: .mixed, summary: "failed \(Self.times(attempts.count)): " + Self.tally(labels))
            return
        }
        let every = attempts.count == 1 ? "on its only receive" : "every time (\(attempts.count) ×)"
        switch first.outcome {
        case .throttled:
            self = Self.neverRan(attempts, configuration: configuration)
        case .functionError where first.recordedOutcome == .batchItemFailures:
            self.init(kind: .reportedFailed, summary: "reported in batchItemFailures \(every): the function listed it as failed; its log says why")
        case .functionError:
            let how = attempts.count == 1 ? "failed on its only receive" : "failed the same way \(attempts.count) times"
            self.init(kind: .sameFailure, summary: "\(how): \(first.error?.summary ?? "no error recorded")")
        case .timedOut:
            let after = configuration.timeout.map { " after \(Self.seconds($0))" } ?? ""
            let timeout = configuration.timeout.map { " (\($0) s)" } ?? ""
            self.init(kind: .timedOut, summary: "timed out \(every)\(after): raise the function's timeout\(timeout)" + Self.smallerBatches(configuration))
        case .outOfMemory:
            let memory = configuration.memorySize.map { " (\($0) MB)" } ?? ""
            self.init(kind: .outOfMemory, summary: "ran out of memory \(every): raise the function's memory size\(memory)" + Self.smallerBatches(configuration))
        case .crashed:
            self.init(kind: .crashed, summary: "crashed \(every): \(first.error?.summary ?? "no error recorded"); the function's log has its last words")
        case .invalidResponse:
            self.init(kind: .invalidResponse, summary: "returned an invalid response \(every): \(first.error?.summary ?? "no error recorded")")
        case .filtered:
            self.init(kind: .filtered, summary: "filtered out \(every): it matched none of the mapping's filter patterns")
        case .succeeded:
            self.init(kind: .staleReceipt, summary: "succeeded \(every), but each time too late to delete it: it had been received again meanwhile")
        }
    }

    /// Every receive throttled: the function never ran, so the fix is in how much the mapping polls.
    private static func neverRan(_ attempts: [MessageAttempt], configuration: Configuration) -> DeadLetterDiagnosis {
        let receives = attempts.count == 1 ? "its only receive was throttled" : "all \(attempts.count) receives were throttled"
        let advice: String
        if attempts.contains(where: { $0.throttleReason == .concurrentInvocationLimitExceeded }) {
            advice = " (ConcurrentInvocationLimitExceeded): the account's unreserved concurrency was in use; "
                + "reserve concurrency for the function and set maximumConcurrency ≤ it"
        } else if let reserved = configuration.reservedConcurrency {
            if let maximum = configuration.maximumConcurrency, maximum <= reserved {
                advice = " although maximumConcurrency (\(maximum)) ≤ reserved concurrency (\(reserved)): "
                    + "other invocations of the function held its concurrency"
            } else {
                let now = configuration.maximumConcurrency.map { " (now \($0))" } ?? ""
                advice = "; set maximumConcurrency\(now) ≤ reserved concurrency (\(reserved))"
            }
        } else {
            advice = "; set maximumConcurrency ≤ the concurrency the function can get"
        }
        return DeadLetterDiagnosis(kind: .neverRan, summary: "never ran: \(receives)\(advice)")
    }

    /// The same label for attempts that failed the same way.
    static func label(_ attempt: MessageAttempt) -> String {
        switch attempt.outcome {
        case .functionError where attempt.recordedOutcome == .batchItemFailures: "reported in batchItemFailures"
        case .functionError: attempt.error?.summary ?? "function error"
        case .timedOut: "timed out"
        case .outOfMemory: "out of memory"
        case .crashed: "crashed (\(attempt.error?.type ?? "no error recorded"))"
        case .invalidResponse: "invalid response (\(attempt.error?.type ?? "no error recorded"))"
        case .throttled: "throttled"
        case .filtered: "filtered"
        case .succeeded: "succeeded too late"
        }
    }

    /// `3 × A, 2 × B`: most frequent first, then in order of first appearance.
    static func tally(_ labels: [String]) -> String {
        var counts: [(label: String, count: Int)] = []
        for label in labels {
            if let index = counts.firstIndex(where: { $0.label == label }) {
                counts[index].count += 1
            } else {
                counts.append((label, 1))
            }
        }
        let ordered = counts.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
        return ordered.map { "\($0.element.count) × \($0.element.label)" }.joined(separator: ", ")
    }

    private static func smallerBatches(_ configuration: Configuration) -> String {
        guard let batchSize = configuration.batchSize, batchSize > 1 else { return "" }
        return " or lower the batch size (\(batchSize))"
    }

    static func seconds(_ seconds: Int) -> String {
        String(format: "%.2f s", Double(seconds))
    }

    private static func times(_ count: Int) -> String {
        count == 1 ? "once" : "\(count) times"
    }

    private static func count(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
