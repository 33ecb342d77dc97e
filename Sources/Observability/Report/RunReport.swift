import Foundation

/// What `queuelab report` says about one run, in the shape `--json` prints: the schema is
/// documented in `docs/report.schema.json` and versioned by `schemaVersion`. Times are ISO 8601,
/// durations are in milliseconds or seconds as each name says, money is US dollars.
public struct RunReport: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion = RunReport.currentSchemaVersion
    public var stateFile: String
    public var run: Run
    public var functions: [Function]
    public var mappings: [Mapping]
    public var queues: [Queue]
    public var cost: CostEstimate
    public var series: Series

    public struct Run: Codable, Sendable, Equatable {
        public var id: Int64
        public var startedAt: Date
        /// When it stopped gracefully, or its last sample when it was killed or still runs.
        public var endedAt: Date
        public var status: Status
        /// From start to end.
        public var durationSeconds: Double
        /// Wall time of the work: from the first delivery or invocation to the end of the last one.
        public var wallSeconds: Double
    }

    public enum Status: String, Codable, Sendable {
        /// It stopped gracefully.
        case stopped
        /// No graceful end was recorded and its last sample is old: its last sample marks its end.
        case killed
        /// No end was recorded and its last sample is recent.
        case running
    }

    public struct Function: Codable, Sendable, Equatable {
        public var name: String
        public var memorySize: Int
        public var timeoutSeconds: Int
        public var reservedConcurrency: Int?
        public var provisionedConcurrency: Int
        /// Invocations that ran (throttled requests are not counted, as in CloudWatch).
        public var invocations: Int
        public var coldStarts: Int
        /// Invoke requests refused for lack of concurrency.
        public var throttles: Int
        /// Failed invocations by error type (`Sandbox.Timedout`, `Runtime.OutOfMemory`, a handler's own type, ...).
        public var errors: [String: Int]
        public var timeouts: Int
        public var durationMs: DurationStatistics?
        /// Billed duration (rounded up to the millisecond) times memory.
        public var gbSeconds: Double
        public var peakConcurrency: Int
    }

    public struct DurationStatistics: Codable, Sendable, Equatable {
        public var p50: Double
        public var p95: Double
        public var p99: Double
        public var mean: Double
        public var max: Double
    }

    public struct Mapping: Codable, Sendable, Equatable {
        public var id: String
        public var queue: String
        public var function: String
        public var batchSize: Int
        public var maximumConcurrency: Int?
        /// Batches received, invoked or not (throttled to the end, filtered).
        public var batches: Int
        public var meanBatchSize: Double
        /// Concurrent invocations of this mapping's batches.
        public var peakConcurrency: Int
        /// Averaged over the run's wall time.
        public var meanConcurrency: Double
    }

    public struct Queue: Codable, Sendable, Equatable {
        public var name: String
        public var fifo: Bool
        public var sent: Int
        public var received: Int
        public var deleted: Int
        public var deadLettered: Int
        /// SQS API requests (sends, receives including empty long polls, deletes, visibility changes).
        public var requests: Int
        /// Oldest message age seen by any sample; nil when it was always empty.
        public var maxAgeSeconds: Double?
        /// For messages an event source mapping delivered: deliveries per message → messages.
        public var receiveCounts: [String: Int]
    }

    /// Time series for charts; x is seconds since the run started.
    public struct Series: Codable, Sendable, Equatable {
        public var queueDepth: [NamedSeries]
        public var inFlight: [NamedSeries]
        /// Concurrent invocations per function.
        public var concurrency: [NamedSeries]
        /// Concurrent invocations of each event source mapping's batches, by mapping id.
        public var mappingConcurrency: [NamedSeries]
        public var events: [Event]
    }

    public struct NamedSeries: Codable, Sendable, Equatable {
        public var name: String
        /// `[seconds, value]` pairs in time order.
        public var points: [[Double]]
    }

    /// A throttle or an error as it happened.
    public struct Event: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case throttle
            case error
        }

        public var at: Double
        public var kind: Kind
        public var function: String
        public var detail: String
    }
}
