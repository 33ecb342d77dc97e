import Metrics

/// A queue's SQS metrics.
struct QueueSeries: SnapshotSeries {
    private let visible: Gauge
    private let notVisible: Gauge
    private let delayed: Gauge
    private let ageOfOldestMessage: Gauge
    private var sent: CounterFeed
    private var received: CounterFeed
    private var deleted: CounterFeed

    init(queue name: String, factory: any MetricsFactory) {
        visible = CloudWatchMetric.messagesVisible.gauge(name, factory: factory)
        notVisible = CloudWatchMetric.messagesNotVisible.gauge(name, factory: factory)
        delayed = CloudWatchMetric.messagesDelayed.gauge(name, factory: factory)
        ageOfOldestMessage = CloudWatchMetric.ageOfOldestMessage.gauge(name, factory: factory)
        sent = CounterFeed(CloudWatchMetric.messagesSent.counter(name, factory: factory))
        received = CounterFeed(CloudWatchMetric.messagesReceived.counter(name, factory: factory))
        deleted = CounterFeed(CloudWatchMetric.messagesDeleted.counter(name, factory: factory))
    }

    mutating func update(with status: QueueStatus) {
        visible.record(status.visible)
        notVisible.record(status.inFlight)
        delayed.record(status.delayed)
        ageOfOldestMessage.record(status.oldestMessageAge ?? 0)
        sent.advance(to: status.sent)
        received.advance(to: status.received)
        deleted.advance(to: status.deleted)
    }

    func destroy() {
        for gauge in [visible, notVisible, delayed, ageOfOldestMessage] { gauge.destroy() }
        for counter in [sent, received, deleted] { counter.counter.destroy() }
    }
}
