/// How an integration's queue worker runs on Lambda and SQS (the seed's `queueConfig`).
/// Unset optional values are left out of the manifest, so AWS's own defaults apply.
public struct QueueConfig: Equatable, Sendable {
    /// Reserved concurrency of the worker function.
    public var maxWorkers: Int
    /// Provisioned concurrency, pre-started environments; `nil` for none.
    public var provisioned: Int?
    /// The event source mapping's maximum concurrency; `nil` lets it scale up to the account limit.
    public var maxConcurrency: Int?
    public var batchSize: Int
    /// Function timeout in seconds.
    public var timeout: Int
    public var maximumBatchingWindow: Int?
    /// `nil` means six times the function timeout, AWS's advice.
    public var visibilityTimeout: Int?
    public var maxReceiveCount: Int
    public var messageRetentionPeriod: Int
    /// Function memory in MB.
    public var memorySize: Int

    public init(
        maxWorkers: Int = 5,
        provisioned: Int? = nil,
        maxConcurrency: Int? = nil,
        batchSize: Int = 1,
        timeout: Int = 600,
        maximumBatchingWindow: Int? = nil,
        visibilityTimeout: Int? = nil,
        maxReceiveCount: Int = 5,
        messageRetentionPeriod: Int = 345_600,
        memorySize: Int = 1024
    ) {
        self.maxWorkers = maxWorkers
        self.provisioned = provisioned
        self.maxConcurrency = maxConcurrency
        self.batchSize = batchSize
        self.timeout = timeout
        self.maximumBatchingWindow = maximumBatchingWindow
        self.visibilityTimeout = visibilityTimeout
        self.maxReceiveCount = maxReceiveCount
        self.messageRetentionPeriod = messageRetentionPeriod
        self.memorySize = memorySize
    }

    /// AWS advises a visibility timeout of at least six times the function timeout.
    public static let advisedVisibilityTimeoutFactor = 6

    public var effectiveVisibilityTimeout: Int {
        visibilityTimeout ?? Self.advisedVisibilityTimeoutFactor * timeout
    }

    /// The keys of `queueConfig` and the ranges AWS (and the Serverless Framework) accept for each
    /// on its own; rules between keys are in `QueueConfigRules`.
    public enum Key: String, CaseIterable, Sendable {
        case maxWorkers, provisioned, maxConcurrency, batchSize, timeout, maximumBatchingWindow
        case visibilityTimeout, maxReceiveCount, messageRetentionPeriod, memorySize

        var range: ClosedRange<Int> {
            switch self {
            case .maxWorkers, .provisioned: 0...1000
            case .maxConcurrency: 2...1000
            case .batchSize: 1...10_000
            case .timeout: 1...900
            case .maximumBatchingWindow: 0...300
            case .visibilityTimeout: 0...43_200
            case .maxReceiveCount: 1...1000
            case .messageRetentionPeriod: 60...1_209_600
            case .memorySize: 128...10_240
            }
        }
    }
}
