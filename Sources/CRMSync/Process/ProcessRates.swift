import Foundation

/// A Process's speed, from its counters and the time: the seed's duration, records per second
/// and estimated completion. Pure.
public struct ProcessRates: Sendable, Equatable {
    public var durationMilliseconds: Int64
    public var recordsPerSecond: Double
    /// When the remaining records will be done at the current speed, while the Process runs and
    /// knows its total.
    public var estimatedCompletion: Date?

    /// - Parameter endedAt: when the Process finished, or `nil` while it runs (measured to `now`).
    public init(processed: Int, totalRecords: Int?, startedAt: Date, endedAt: Date?, now: Date) {
        let end = endedAt ?? now
        let seconds = max(end.timeIntervalSince(startedAt), 0)
        durationMilliseconds = Int64((seconds * 1000).rounded())
        recordsPerSecond = seconds > 0 ? Double(processed) / seconds : 0
        if endedAt == nil, let totalRecords, recordsPerSecond > 0 {
            let remaining = max(totalRecords - processed, 0)
            estimatedCompletion = now.addingTimeInterval(Double(remaining) / recordsPerSecond)
        } else {
            estimatedCompletion = nil
        }
    }
}
