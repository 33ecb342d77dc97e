/// A function's settings for asynchronous invocations (`InvocationType: Event`), from its
/// `maximumRetryAttempts`, `maximumEventAge`, `destinations.onFailure` and `onError`, or from
/// `AWS::Lambda::EventInvokeConfig` and `AWS::Lambda::Function.DeadLetterConfig`.
public struct AsyncInvokeDeclaration: Sendable, Hashable {
    public let functionName: String
    /// 0–2; `nil` when unset (Lambda's default is 2).
    public let maximumRetryAttempts: Int?
    /// Seconds, 60–21600; `nil` when unset (Lambda's default is 21600).
    public let maximumEventAge: Int?
    /// The on-failure destination: only SQS queues run locally.
    public let onFailureQueueARN: String?
    /// The dead-letter queue (`DeadLetterConfig.TargetArn`).
    public let deadLetterQueueARN: String?

    public init(functionName: String, maximumRetryAttempts: Int?, maximumEventAge: Int?, onFailureQueueARN: String?, deadLetterQueueARN: String?) {
        self.functionName = functionName
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAge = maximumEventAge
        self.onFailureQueueARN = onFailureQueueARN
        self.deadLetterQueueARN = deadLetterQueueARN
    }
}
