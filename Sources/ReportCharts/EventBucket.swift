/// Events of one kind close together in time, drawn as one mark: a burst of thousands of throttles
/// becomes a few marks with counts instead of thousands of elements.
struct EventBucket: Equatable {
    var kind: String
    /// Seconds of the first and the last event in the bucket.
    var first: Double
    var last: Double
    var count: Int
    /// The labels of the first few events, without repeats.
    var labels: [String]

    static let labelsShown = 3

    /// `events` grouped per kind (kinds in order of their first event) and per bucket, the range
    /// `domain` cut into `bucketCount` equal buckets; events outside the range are left out.
    static func group(_ events: [ChartEvent], domain: ClosedRange<Double>, bucketCount: Int) -> [EventBucket] {
        let width = (domain.upperBound - domain.lowerBound) / Double(max(bucketCount, 1))
        var kinds: [String] = []
        var buckets: [String: [Int: EventBucket]] = [:]
        for event in events.sorted(by: { $0.seconds < $1.seconds }) where domain.contains(event.seconds) {
            let index = width > 0 ? min(Int((event.seconds - domain.lowerBound) / width), bucketCount - 1) : 0
            if buckets[event.kind] == nil { kinds.append(event.kind) }
            var bucket = buckets[event.kind]?[index]
                ?? EventBucket(kind: event.kind, first: event.seconds, last: event.seconds, count: 0, labels: [])
            bucket.last = event.seconds
            bucket.count += 1
            if bucket.labels.count < labelsShown, !bucket.labels.contains(event.label) { bucket.labels.append(event.label) }
            buckets[event.kind, default: [:]][index] = bucket
        }
        return kinds.flatMap { kind in
            (buckets[kind] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
        }
    }

    /// The mark's tooltip: `throttle ×42, 12.5–13.1 s: first label; second label; …`.
    var tooltip: String {
        let when = first == last ? "\(Self.seconds(first)) s" : "\(Self.seconds(first))–\(Self.seconds(last)) s"
        let more = count > labels.count ? "; …" : ""
        let labelText = labels.filter { !$0.isEmpty }.joined(separator: "; ")
        return "\(kind) ×\(count), \(when)" + (labelText.isEmpty ? "" : ": \(labelText)\(more)")
    }

    private static func seconds(_ value: Double) -> String {
        AxisTicks.decimal(value, step: 0.1)
    }
}
