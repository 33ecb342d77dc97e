/// What one mock CRM has answered since the server started, for tests and run reports.
public struct CRMCounters: Sendable, Equatable, Codable {
    /// Every request to the CRM's routes, whatever the answer (mock-only inspection routes aside).
    public var requests = 0
    /// Requests answered 429 by the rate limit.
    public var rateLimited = 0
    /// Requests answered 502 or 503 by the error rate.
    public var injectedErrors = 0
    /// Persons returned by list pages and bulk fetches, counted per appearance.
    public var personsReturned = 0

    public init() {}
}
