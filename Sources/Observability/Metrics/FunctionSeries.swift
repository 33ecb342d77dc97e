import Metrics

/// A function's Lambda metrics.
struct FunctionSeries: SnapshotSeries {
    private var invocations: CounterFeed
    private var errors: CounterFeed
    private var throttles: CounterFeed
    private let concurrentExecutions: Gauge
    private let provisionedConcurrentExecutions: Gauge
    private let duration: Recorder

    init(function name: String, factory: any MetricsFactory) {
        invocations = CounterFeed(CloudWatchMetric.invocations.counter(name, factory: factory))
        errors = CounterFeed(CloudWatchMetric.errors.counter(name, factory: factory))
        throttles = CounterFeed(CloudWatchMetric.throttles.counter(name, factory: factory))
        concurrentExecutions = CloudWatchMetric.concurrentExecutions.gauge(name, factory: factory)
        provisionedConcurrentExecutions = CloudWatchMetric.provisionedConcurrentExecutions.gauge(name, factory: factory)
        duration = CloudWatchMetric.duration.histogram(name, factory: factory)
    }

    mutating func update(with status: FunctionStatus) {
        invocations.advance(to: status.invocations)
        errors.advance(to: status.errors)
        throttles.advance(to: status.throttles)
        concurrentExecutions.record(status.concurrentExecutions)
        // Lambda runs an invocation on a warm provisioned environment before it starts an
        // on-demand one, so as many of the running executions as there are warm provisioned
        // environments run on provisioned concurrency (CloudWatch's ProvisionedConcurrentExecutions).
        provisionedConcurrentExecutions.record(min(status.concurrentExecutions, status.provisionedWarm))
        for newDuration in status.newDurations { duration.record(newDuration.fractionalMilliseconds) }
    }

    func destroy() {
        for counter in [invocations, errors, throttles] { counter.counter.destroy() }
        concurrentExecutions.destroy()
        provisionedConcurrentExecutions.destroy()
        duration.destroy()
    }
}
