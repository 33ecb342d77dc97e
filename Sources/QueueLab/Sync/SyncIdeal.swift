import CRMMock
import EventSourceMapping
import Primitives

/// How fast a sync's CRM work could go under its configuration with no overhead at all, to set
/// a run's wall time against. Pure.
///
/// The simulated CRM work is what the mock CRM made its clients wait: its latency per answer and
/// its per-record latency per person returned. `plain` spreads it over the configuration's
/// concurrency (the worker's reserved concurrency, capped by the mapping's maximumConcurrency).
/// `withScaling` also lets the concurrency grow as an SQS event source's does on AWS (five
/// concurrent batches at first, then up to 300 more a minute): no configuration can beat it.
public struct SyncIdeal: Sendable, Equatable {
    public var simulatedWork: Duration
    public var concurrency: Int
    public var plain: Duration
    public var withScaling: Duration

    public init(counters: CRMCounters, settings: CRMSettings, concurrency: Int, rates: ScalingRates = ScalingRates()) {
        let work = settings.latency * counters.requests + settings.perRecordLatency * counters.personsReturned
        let ceiling = max(concurrency, 1)
        simulatedWork = work
        self.concurrency = ceiling
        plain = work / ceiling
        withScaling = .seconds(Self.secondsWithScaling(
            work: work.fractionalSeconds, start: Double(min(rates.initialConcurrency, ceiling)), ceiling: Double(ceiling),
            perSecond: Double(rates.increasePerMinute) / 60))
    }

    /// The time T at which the concurrency min(start + perSecond·t, ceiling), integrated from 0,
    /// reaches `work`.
    static func secondsWithScaling(work: Double, start: Double, ceiling: Double, perSecond: Double) -> Double {
        guard perSecond > 0, start < ceiling else { return work / start }
        let rampSeconds = (ceiling - start) / perSecond
        let rampWork = (start + ceiling) / 2 * rampSeconds
        guard work > rampWork else {
            // perSecond/2·T² + start·T = work
            return (-start + (start * start + 2 * perSecond * work).squareRoot()) / perSecond
        }
        return rampSeconds + (work - rampWork) / ceiling
    }
}
