/// The rate limit's token bucket, on instants the caller passes in (so tests move time): full at
/// the start, one token per request, refilled continuously at the limit's rate up to its size.
struct TokenBucket {
    let limit: RateLimit
    private var tokens: Double
    private var refilledAt: ContinuousClock.Instant

    init(limit: RateLimit, now: ContinuousClock.Instant) {
        self.limit = limit
        tokens = Double(limit.requests)
        refilledAt = now
    }

    /// Takes a token at `now`: nil if there was one, otherwise how long until there will be.
    mutating func take(at now: ContinuousClock.Instant) -> Duration? {
        let perToken = limit.window.duration / limit.requests
        if now > refilledAt {
            tokens = min(Double(limit.requests), tokens + (now - refilledAt) / perToken)
            refilledAt = now
        }
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        return perToken * (1 - tokens)
    }

    /// `Retry-After` for a wait: whole seconds, rounded up, at least 1.
    static func retryAfterSeconds(_ wait: Duration) -> Int {
        let (seconds, attoseconds) = wait.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
