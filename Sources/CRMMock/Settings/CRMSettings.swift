/// How one mock CRM behaves: how many people it has, and how real it feels to a client. Set at
/// start (`CRMMockServer.Configuration.settings`) and changeable while it runs
/// (`CRMMockServer.update(_:for:)`). Each field is also a knob string, as a command line or a test
/// writes it (see `apply(knob:)`): `records=500`, `latency=50ms`, `perRecordLatency=2ms`,
/// `rateLimit=20/s`, `errorRate=0.05`, `poison=12,57`.
///
/// Order of effects on a request: the rate limit is checked first (429 with `Retry-After`), then
/// the error rate (502/503), then the request is answered, and the answer (any answer) waits
/// `latency + perRecordLatency × persons returned` before it is sent. Mock-only inspection routes
/// (`/<crm>/_mock/...`) are exempt and not counted.
public struct CRMSettings: Sendable, Equatable {
    /// Person ids encode the number in a fixed width (see `CRM.personId(number:kind:)`).
    public static let maximumRecords = 999_999

    /// How many people the CRM has; Zoho CRM has this many contacts and as many leads.
    public var records: Int
    /// Added to every answer.
    public var latency: Duration
    /// Added per person in an answer (list pages and bulk fetches).
    public var perRecordLatency: Duration
    /// One budget shared by all clients of this CRM; over it, requests get 429 with `Retry-After`
    /// in whole seconds. Nil: unlimited.
    public var rateLimit: RateLimit?
    /// The fraction (0 to 1) of requests answered 503 or 502 (alternately), at evenly spaced,
    /// reproducible positions: request n fails when ⌊n·rate⌋ > ⌊(n−1)·rate⌋, so 0.25 fails the
    /// 4th, 8th, 12th… request past the rate limit. Counting starts again when settings change.
    public var errorRate: Double
    /// Poison records, by person number (1-based; in Zoho CRM the contact and the lead with that
    /// number). The CRM returns them like any other person, except that **every phone number of a
    /// poison person is the string `"not-a-phone"`** (`MockPerson.poisonPhone`) where the others
    /// have E.164 numbers (`+15550000012`). An integration's transform must reject a phone number
    /// that is not E.164, so a poison person fails its transform; if it gets through anyway, the
    /// mock Quo rejects the contact (400), so it still counts as failed, never as synced.
    public var poison: Set<Int>

    public init(
        records: Int = 1000, latency: Duration = .zero, perRecordLatency: Duration = .zero, rateLimit: RateLimit? = nil,
        errorRate: Double = 0, poison: Set<Int> = []
    ) {
        self.records = records
        self.latency = latency
        self.perRecordLatency = perRecordLatency
        self.rateLimit = rateLimit
        self.errorRate = errorRate
        self.poison = poison
    }

    /// The default settings for `crm`: 1,000 people, no delay, no limit, no errors, no poison.
    /// ScalingTest, the seed's load-test CRM, has 10,000 people as its seed does, and answers as a
    /// busy real CRM API does, in 100 ms per request plus 1 ms per person returned, so that a sync
    /// has CRM work for its concurrency to spread (a page of 200 takes 0.3 s).
    public static func defaults(for crm: CRM) -> CRMSettings {
        crm == .scalingTest
            ? CRMSettings(records: 10_000, latency: .milliseconds(100), perRecordLatency: .milliseconds(1)) : CRMSettings(records: 1000)
    }

    /// The defaults for `crm` with `knobs` applied in order.
    public init(_ crm: CRM, knobs: [String]) throws(CRMMockError) {
        self = Self.defaults(for: crm)
        for knob in knobs { try apply(knob: knob) }
    }
}
