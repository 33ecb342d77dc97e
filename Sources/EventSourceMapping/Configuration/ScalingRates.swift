/// How fast an SQS event source mapping scales, in one place. The defaults are AWS's documented
/// figures (Lambda developer guide, "Configuring scaling behavior for SQS event source mappings"):
/// five concurrent batches when messages arrive, up to 300 more concurrent invokes per minute while
/// messages wait, at most 1,250, and back to five when traffic stops. `--esm-scale-per-minute` and
/// tests override them to compress time.
public struct ScalingRates: Sendable, Equatable {
    /// Concurrent batches a mapping runs as soon as messages are available (and scales back to).
    public var initialConcurrency: Int
    /// Concurrent batches added per minute at most while messages keep waiting.
    public var increasePerMinute: Int
    /// The ceiling for one mapping, whatever `maximumConcurrency` says.
    public var maximumConcurrency: Int
    /// How long a poller waits on an empty queue (SQS long polling, at most 20 s).
    public var longPollWait: Duration
    /// The first wait before a throttled batch is offered to the function again; it doubles on
    /// each further throttle, up to `throttleRetryMaximum`, until the batch's visibility timeout
    /// is about to end.
    public var throttleRetryInitial: Duration
    public var throttleRetryMaximum: Duration

    public init(
        initialConcurrency: Int = 5, increasePerMinute: Int = 300, maximumConcurrency: Int = 1_250,
        longPollWait: Duration = .seconds(20), throttleRetryInitial: Duration = .milliseconds(250),
        throttleRetryMaximum: Duration = .seconds(5)
    ) {
        self.initialConcurrency = initialConcurrency
        self.increasePerMinute = increasePerMinute
        self.maximumConcurrency = maximumConcurrency
        self.longPollWait = longPollWait
        self.throttleRetryInitial = throttleRetryInitial
        self.throttleRetryMaximum = throttleRetryMaximum
    }

    public static let aws = ScalingRates()
}
