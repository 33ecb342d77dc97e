import NIOHTTP1
import StrictJSON

/// Everything one mock CRM holds and counts: its settings, the rate limit and error schedule they
/// make, its people, and the activities and webhooks integrations sent it. One actor per CRM, so
/// the rate limit and the counters are global across all of the CRM's clients.
actor CRMState {
    /// What the traffic gates decided about a request, and the delays its answer will wait.
    struct Admission {
        /// Nil: answer the request.
        let refusal: MockAPIError?
        let latency: Duration
        let perRecordLatency: Duration
    }

    let crm: CRM
    private(set) var settings: CRMSettings
    private(set) var counters = CRMCounters()
    private(set) var activities: [StoredActivity] = []
    private(set) var webhooks: [WebhookSubscription] = []
    private var bucket: TokenBucket?
    private var errors: ErrorSchedule
    private var collections: [PersonKind: PersonCollection]

    init(crm: CRM, settings: CRMSettings) {
        self.crm = crm
        self.settings = settings
        errors = ErrorSchedule(rate: settings.errorRate)
        collections = Dictionary(uniqueKeysWithValues: crm.personKinds.map { ($0, PersonCollection(kind: $0, records: settings.records)) })
    }

    /// Replaces the settings; the rate limit starts full and the error count from zero again.
    func update(_ settings: CRMSettings) {
        self.settings = settings
        bucket = nil
        errors = ErrorSchedule(rate: settings.errorRate)
        for kind in collections.keys { collections[kind]?.resize(records: settings.records) }
    }

    /// Counts a request and passes it through the rate limit, then the error rate.
    func admit(at now: ContinuousClock.Instant) -> Admission {
        Admission(refusal: refusal(at: now), latency: settings.latency, perRecordLatency: settings.perRecordLatency)
    }

    private func refusal(at now: ContinuousClock.Instant) -> MockAPIError? {
        counters.requests += 1
        if let limit = settings.rateLimit {
            var bucket = bucket ?? TokenBucket(limit: limit, now: now)
            let wait = bucket.take(at: now)
            self.bucket = bucket
            if let wait {
                counters.rateLimited += 1
                return .rateLimited(retryAfterSeconds: TokenBucket.retryAfterSeconds(wait))
            }
        }
        if let status = errors.next() {
            counters.injectedErrors += 1
            return .injected(status)
        }
        return nil
    }

    /// A page of `kind`, modified at or after `since` when given, and how many match in all.
    func page(_ kind: PersonKind = .contact, offset: Int, limit: Int, since: Timestamp?, descending: Bool) -> (persons: [MockPerson], total: Int) {
        guard let (entries, total) = collections[kind]?.page(offset: offset, limit: limit, since: since, descending: descending) else {
            return ([], 0)
        }
        counters.personsReturned += entries.count
        return (entries.map { person($0, kind) }, total)
    }

    /// The persons with `ids` that exist (of `kind` when given), in the order asked; unknown ids are
    /// left out, as the real bulk endpoints do.
    func persons(ids: [String], kind: PersonKind? = nil) -> [MockPerson] {
        let found = ids.compactMap { lookUp($0, kind: kind) }
        counters.personsReturned += found.count
        return found
    }

    func person(id: String, kind: PersonKind? = nil) -> MockPerson? {
        persons(ids: [id], kind: kind).first
    }

    /// Whether `id` names a person of the CRM (of `kind` when given).
    func exists(id: String, kind: PersonKind? = nil) -> Bool {
        lookUp(id, kind: kind) != nil
    }

    func record(activity kind: String, personId: String, body: JSONValue) -> StoredActivity {
        let activity = StoredActivity(id: activities.count + 1, kind: kind, personId: personId, receivedAt: .now(), body: body)
        activities.append(activity)
        return activity
    }

    /// Keeps `subscription`, giving it the next id unless it has one (Zoho's channel id).
    func register(_ subscription: WebhookSubscription) -> WebhookSubscription {
        var subscription = subscription
        if subscription.id.isEmpty { subscription.id = String(webhooks.count + 1) }
        webhooks.append(subscription)
        return subscription
    }

    /// Modifies person `id` at `now`: a newer modification time and the next revision.
    func modify(personId id: String, now: Timestamp) -> PersonChange? {
        guard let (kind, number) = crm.locate(personId: id), let (before, after) = collections[kind]?.modify(number: number, now: now)
        else { return nil }
        return PersonChange(before: person(before, kind), after: person(after, kind), subscriptions: webhooks)
    }

    private func lookUp(_ id: String, kind: PersonKind?) -> MockPerson? {
        guard let (personKind, number) = crm.locate(personId: id), kind == nil || kind == personKind,
            let entry = collections[personKind]?.entry(number: number)
        else { return nil }
        return person(entry, personKind)
    }

    private func person(_ entry: PersonCollection.Entry, _ kind: PersonKind) -> MockPerson {
        MockPerson(
            number: entry.number, kind: kind, modifiedAt: entry.modifiedAt, revision: entry.revision,
            poisoned: settings.poison.contains(entry.number))
    }
}
