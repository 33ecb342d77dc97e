/// When a CRM request is tried again, after the Krayin CRM client's rules: 429, 502, 503 and 504
/// are retried, up to `maximumRetries` times, with waits growing `errorGrowth`-fold after errors
/// and `rateLimitGrowth`-fold after rate limits, less a random share (`jitter`) so that workers
/// throttled together do not come back together. A `Retry-After` header (seconds or an HTTP date)
/// sets the wait instead. No wait may end after the function's deadline: then the request fails at
/// once, while the function still has time to report it. Pure: time and randomness come in.
public struct CRMRetryPolicy: Sendable, Equatable {
    public static let retriableStatuses: Set<Int> = [429, 502, 503, 504]
    static let rateLimitStatus = 429

    public var maximumRetries: Int
    public var initialBackoff: Duration
    public var errorGrowth: Int
    public var rateLimitGrowth: Int
    /// The share of a backoff taken off at random: a wait lies in `backoff × (1 − jitter) … backoff`.
    public var jitter: Double
    /// Time left to the function after its last wait, to record the failure and answer.
    public var deadlineMargin: Duration

    public init(
        maximumRetries: Int = 3, initialBackoff: Duration = .seconds(1), errorGrowth: Int = 2, rateLimitGrowth: Int = 3,
        jitter: Double = 0.5, deadlineMargin: Duration = .seconds(1)
    ) {
        self.maximumRetries = maximumRetries
        self.initialBackoff = initialBackoff
        self.errorGrowth = errorGrowth
        self.rateLimitGrowth = rateLimitGrowth
        self.jitter = jitter
        self.deadlineMargin = deadlineMargin
    }

    public enum Decision: Sendable, Equatable {
        /// Hand the response to the caller: a success, or a status no retry would change.
        case deliver
        case retry(after: Duration)
        case giveUp(CRMRequestError)
    }

    /// What to do after try number `attempt` (1 for the first) of `request` got `response`.
    /// - Parameters:
    ///   - nowMilliseconds: wall-clock time, milliseconds since the Unix epoch.
    ///   - deadlineMilliseconds: when the function is stopped (`LambdaContext.deadlineMilliseconds`).
    ///   - random: a number in `0..<1`.
    public func decide(
        request: CRMRequest, response: CRMResponse, attempt: Int, nowMilliseconds: Int64, deadlineMilliseconds: Int64, random: Double
    ) -> Decision {
        guard Self.retriableStatuses.contains(response.status) else { return .deliver }
        let tried = "\(request.method.rawValue) \(request.path) answered \(response.status)"
        guard attempt <= maximumRetries else {
            return .giveUp(CRMRequestError(.retriesExhausted, status: response.status, message: "\(tried) \(attempt) times"))
        }
        let retryAfter = response.headers["retry-after"].flatMap { RetryAfter.delay(from: $0, nowMilliseconds: nowMilliseconds) }
        let wait = retryAfter ?? backoff(after: attempt, status: response.status, random: random)
        let timeLeft = Duration.milliseconds(deadlineMilliseconds - nowMilliseconds)
        guard wait + deadlineMargin <= timeLeft else {
            return .giveUp(CRMRequestError(
                .deadlineReached, status: response.status,
                message: "\(tried); the next try in \(wait) would come too close to the function's deadline (\(timeLeft) left)"))
        }
        return .retry(after: wait)
    }

    /// The wait before try `attempt + 1` when the CRM did not say: `initialBackoff × growth^(attempt − 1)`,
    /// less up to `jitter` of it.
    func backoff(after attempt: Int, status: Int, random: Double) -> Duration {
        let growth = status == Self.rateLimitStatus ? rateLimitGrowth : errorGrowth
        var full = initialBackoff
        for _ in 1..<max(attempt, 1) { full *= growth }
        return full * (1 - jitter * min(max(random, 0), 1))
    }
}
