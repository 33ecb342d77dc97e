/// One event source mapping from an SQS queue to a function, as CreateEventSourceMapping takes it.
/// Made by `MappingConfiguration.validated(_:region:)`, which applies AWS's rules.
public struct MappingConfiguration: Sendable, Equatable {
    /// A stable UUID (the mapping's id in AWS), derived from the function and the queue.
    public let id: String
    public let functionName: String
    /// The queue as the store names it, its ARN (the records' `eventSourceARN`), and the records' `awsRegion`.
    public let queueName: String
    public let queueARN: String
    public let region: String
    public let isFifo: Bool
    public let batchSize: Int
    /// Seconds Lambda waits to fill a batch; 0 invokes as soon as messages arrive.
    public let maximumBatchingWindow: Int
    /// ScalingConfig.MaximumConcurrency: at most this many concurrent batches.
    public let maximumConcurrency: Int?
    /// `FunctionResponseTypes: [ReportBatchItemFailures]`: the function's response lists the
    /// messages to keep; the rest of a successful batch is deleted.
    public let reportsBatchItemFailures: Bool
    /// Messages that match none of these are deleted without invoking; `.none` matches everything.
    public let filters: FilterCriteria
    /// A disabled mapping exists but does not poll.
    public let enabled: Bool
    /// The function's timeout in seconds: a throttled batch is offered again only while an
    /// invocation could still end before the batch's messages become visible again.
    public let functionTimeout: Double
    /// The visibility timeout the mapping's receives ask for, when the queue's is too short for a
    /// batching window: AWS's "effective queue visibility timeout", window + function timeout +
    /// 30 s, when window + function timeout exceed the queue's. `nil`: the queue's own.
    public let visibilityTimeout: Int?

    /// Lambda's batch size when the manifest leaves it out.
    public static let defaultBatchSize = 10
    /// Lambda's API ranges (botocore's model), which the Serverless Framework's schema repeats.
    public static let batchSizeRange = 1...10_000
    public static let batchingWindowRange = 0...300
    public static let maximumConcurrencyRange = 2...1_000
}
