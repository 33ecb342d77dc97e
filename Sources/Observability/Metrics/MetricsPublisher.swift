import Prometheus
import Synchronization

/// Turns runtime snapshots into Prometheus metrics, named as `CloudWatchMetric` says, in a
/// registry of its own (swift-metrics types made by an explicit `PrometheusMetricsFactory`, never
/// the global `MetricsSystem`, so that runtimes in one process, as in the tests, keep apart).
///
/// Feed it each snapshot the monitor takes (`publish(_:)` is cheap and safe from any thread):
/// counters advance by what the snapshot's running totals grew since the previous one, gauges take
/// the snapshot's values, and each of a function's `newDurations` is recorded into its duration
/// histogram. A function or queue missing from a snapshot (a deleted queue) loses its series; one
/// that appears starts from zero, so its counters then equal the runtime's totals.
public final class MetricsPublisher: Sendable {
    /// Milliseconds, from Lambda's billing unit to its longest timeout (15 min).
    static let durationBuckets: [Double] = [
        1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
    ]

    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let series = Mutex<(functions: [String: FunctionSeries], queues: [String: QueueSeries])>(([:], [:]))

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[CloudWatchMetric.duration.prometheusName] = Self.durationBuckets
        self.factory = factory
    }

    public func publish(_ snapshot: RuntimeSnapshot) {
        series.withLock { series in
            series.functions = Self.update(series.functions, with: snapshot.functions, key: \.name) { name in
                FunctionSeries(function: name, factory: factory)
            }
            series.queues = Self.update(series.queues, with: snapshot.queues, key: \.name) { name in
                QueueSeries(queue: name, factory: factory)
            }
        }
    }

    /// Every metric in Prometheus' text exposition format, version 0.0.4.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    /// The series of `statuses`, made for those seen first and updated; those of names no longer
    /// there are destroyed (unregistered).
    private static func update<Series: SnapshotSeries>(
        _ current: [String: Series], with statuses: [Series.Status], key: KeyPath<Series.Status, String>,
        make: (String) -> Series
    ) -> [String: Series] {
        var remaining = current
        var updated: [String: Series] = [:]
        for status in statuses {
            let name = status[keyPath: key]
            guard updated[name] == nil else { continue }
            var entry = remaining.removeValue(forKey: name) ?? make(name)
            entry.update(with: status)
            updated[name] = entry
        }
        for gone in remaining.values { gone.destroy() }
        return updated
    }
}
