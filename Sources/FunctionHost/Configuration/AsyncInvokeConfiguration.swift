/// How Lambda handles a function's asynchronous (`Event`) invocations: retries after a function
/// error, how old an event may get, and where an event goes when Lambda gives up on it
/// (`EventInvokeConfig` and `DeadLetterConfig`).
public struct AsyncInvokeConfiguration: Sendable, Equatable {
    /// Retries after the first attempt fails, 0–2 (Lambda's default 2).
    public var maximumRetryAttempts: Int
    /// Seconds an event may wait, 60–21600 (Lambda's default six hours).
    public var maximumEventAge: Int
    /// The on-failure destination's ARN: it receives Lambda's invocation record.
    public var onFailure: String?
    /// The dead-letter queue's ARN (`DeadLetterConfig.TargetArn`): it receives the event itself.
    public var deadLetterTarget: String?

    public init(maximumRetryAttempts: Int = 2, maximumEventAge: Int = 21_600, onFailure: String? = nil, deadLetterTarget: String? = nil) {
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAge = maximumEventAge
        self.onFailure = onFailure
        self.deadLetterTarget = deadLetterTarget
    }
}

/// The waits between asynchronous attempts, AWS's by default ("Error handling and automatic
/// retries in Lambda": one minute before the second attempt, two before the third; throttles and
/// system errors retried with waits growing from one second to five minutes). Tests and
/// `--async-retry-interval` shorten them.
public struct AsyncRetryTimings: Sendable, Equatable {
    /// The wait before the first retry after a function error; the second waits twice as long.
    public var afterFunctionError: Duration
    public var afterThrottleInitial: Duration
    public var afterThrottleMaximum: Duration

    public init(
        afterFunctionError: Duration = .seconds(60), afterThrottleInitial: Duration = .seconds(1),
        afterThrottleMaximum: Duration = .seconds(300)
    ) {
        self.afterFunctionError = afterFunctionError
        self.afterThrottleInitial = afterThrottleInitial
        self.afterThrottleMaximum = afterThrottleMaximum
    }

    public static let aws = AsyncRetryTimings()
}
