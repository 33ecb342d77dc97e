/// An event source mapping from an SQS queue to a function: an `sqs` event of a function or an
/// `AWS::Lambda::EventSourceMapping` resource. Values are checked against the Serverless
/// Framework's schema ranges only; Lambda's rules that depend on the queue (batch size against
/// the batching window, FIFO, visibility timeout against the function timeout) are not applied here.
public struct MappingDeclaration: Sendable, Hashable {
    /// Where it is declared, for errors: `functions.worker.events[0].sqs` or `Resources.<LogicalId>`.
    public let key: String
    public let functionName: String
    public let queueARN: String
    /// `nil` when unset (Lambda's default is 10).
    public let batchSize: Int?
    /// Seconds; `nil` when unset.
    public let maximumBatchingWindow: Int?
    public let maximumConcurrency: Int?
    /// `functionResponseType: ReportBatchItemFailures` / `FunctionResponseTypes: [ReportBatchItemFailures]`.
    public let reportsBatchItemFailures: Bool
    /// Filter patterns as JSON strings (Lambda's `FilterCriteria.Filters[].Pattern`).
    public let filterPatterns: [String]
    public let enabled: Bool

    public init(key: String, functionName: String, queueARN: String, batchSize: Int?, maximumBatchingWindow: Int?, maximumConcurrency: Int?, reportsBatchItemFailures: Bool, filterPatterns: [String], enabled: Bool) {
        self.key = key
        self.functionName = functionName
        self.queueARN = queueARN
        self.batchSize = batchSize
        self.maximumBatchingWindow = maximumBatchingWindow
        self.maximumConcurrency = maximumConcurrency
        self.reportsBatchItemFailures = reportsBatchItemFailures
        self.filterPatterns = filterPatterns
        self.enabled = enabled
    }
}
