import EventSourceMapping

/// An event source mapping from an SQS queue to a function: an `sqs` event of a function or an
/// `AWS::Lambda::EventSourceMapping` resource. Values are checked against the Serverless
/// Framework's schema ranges only; Lambda's rules that depend on the queue (batch size against
/// the batching window, FIFO, visibility timeout against the function timeout) are not applied here.
public struct MappingDeclaration: Sendable, Hashable {
    /// Where it is declared, for errors: `functions.worker.events[0].sqs` or `Resources.<LogicalId>`.
    public let key: String
    public let functionName: String
    public let queueARN: String
    public let options: MappingOptions

    public init(key: String, functionName: String, queueARN: String, options: MappingOptions) {
        self.key = key
        self.functionName = functionName
        self.queueARN = queueARN
        self.options = options
    }
}
