import Metrics

extension CloudWatchMetric {
    /// The swift-metrics instruments of this metric for one function or queue (`value` of its
    /// dimension), made by `factory`; their kind is the caller's to match with `kind`.
    func counter(_ value: String, factory: any MetricsFactory) -> Counter {
        Counter(label: prometheusName, dimensions: [(labelName, value)], factory: factory)
    }

    func gauge(_ value: String, factory: any MetricsFactory) -> Gauge {
        Gauge(label: prometheusName, dimensions: [(labelName, value)], factory: factory)
    }

    /// Aggregating, so a histogram in Prometheus.
    func histogram(_ value: String, factory: any MetricsFactory) -> Recorder {
        Recorder(label: prometheusName, dimensions: [(labelName, value)], aggregate: true, factory: factory)
    }
}
