import Foundation
import FunctionHost
import QueueStore

/// Turns what the host and the store report into `RuntimeSnapshot`s. Pure apart from its memory
/// of earlier readings: which durations each function already handed out, and each queue's recent
/// counters for its receive and delete rates.
public struct SnapshotAssembler: Sendable {
    /// The p50/p99 window of the live view.
    public static let durationWindow: Duration = .seconds(10)
    /// Receive and delete rates average over this much time.
    public static let rateWindow: Duration = .seconds(5)

    /// One queue's counters at one reading.
    private struct Reading: Sendable {
        let at: ContinuousClock.Instant
        let received: Int
        let deleted: Int
    }

    private let startedAt: ContinuousClock.Instant
    private var durationCursors: [String: Int] = [:]
    private var readings: [String: [Reading]] = [:]

    public init(startedAt: ContinuousClock.Instant) {
        self.startedAt = startedAt
    }

    /// What a store reading holds for one queue.
    public struct QueueReading: Sendable {
        public let queue: QueueRecord
        public let counts: QueueCounts
        public let oldestMessageAge: Int64?

        public init(queue: QueueRecord, counts: QueueCounts, oldestMessageAge: Int64?) {
            self.queue = queue
            self.counts = counts
            self.oldestMessageAge = oldestMessageAge
        }
    }

    public mutating func snapshot(
        functions: [FunctionState], queues: [QueueReading], activity: [String: QueueActivity],
        now: ContinuousClock.Instant, date: Date
    ) -> RuntimeSnapshot {
        RuntimeSnapshot(
            takenAt: date, uptime: Double((now - startedAt).wholeMilliseconds) / 1000,
            functions: functions.map { status(of: $0, now: now) },
            queues: queueStatuses(queues, activity: activity, now: now))
    }

    private mutating func status(of function: FunctionState, now: ContinuousClock.Instant) -> FunctionStatus {
        let name = function.configuration.name
        let activity = function.activity
        let newDurations = activity.durations(after: durationCursors[name, default: 0])
        durationCursors[name] = activity.recordedDurations
        return FunctionStatus(
            name: name, memorySize: function.configuration.memorySize, concurrentExecutions: function.concurrentExecutions,
            reservedConcurrency: function.configuration.reservedConcurrency,
            provisionedConcurrency: function.configuration.provisionedConcurrency,
            provisionedWarm: function.provisionedEnvironments, invocations: activity.invocations,
            coldStarts: activity.coldStarts, throttles: activity.throttles, errors: activity.errors, timeouts: activity.timeouts,
            recentDurationP50: activity.durationPercentile(0.5, within: Self.durationWindow, now: now),
            recentDurationP99: activity.durationPercentile(0.99, within: Self.durationWindow, now: now),
            newDurations: newDurations)
    }

    private mutating func queueStatuses(
        _ queues: [QueueReading], activity: [String: QueueActivity], now: ContinuousClock.Instant
    ) -> [QueueStatus] {
        let byARN = Dictionary(queues.map { ($0.queue.arn, $0) }, uniquingKeysWith: { first, _ in first })
        return queues.map { reading in
            let name = reading.queue.name
            let counters = activity[name] ?? QueueActivity()
            var history = (readings[name] ?? []).filter { now - $0.at <= Self.rateWindow }
            history.append(Reading(at: now, received: counters.received, deleted: counters.deleted))
            readings[name] = history
            let deadLetter = reading.queue.redrivePolicy.flatMap { byARN[$0.deadLetterTargetArn] }
            return QueueStatus(
                name: name, visible: reading.counts.visible, inFlight: reading.counts.inFlight, delayed: reading.counts.delayed,
                deadLetterQueue: deadLetter?.queue.name,
                deadLetterDepth: deadLetter.map { $0.counts.visible + $0.counts.inFlight + $0.counts.delayed },
                oldestMessageAge: reading.oldestMessageAge.map { Double($0) / 1000 },
                sent: counters.sent, received: counters.received, deleted: counters.deleted,
                deadLettered: counters.deadLettered, requests: counters.requests,
                receiveRate: Self.rate(history, \.received), deleteRate: Self.rate(history, \.deleted))
        }
    }

    /// Events a second between the oldest and the newest reading.
    private static func rate(_ history: [Reading], _ counter: KeyPath<Reading, Int>) -> Double {
        guard let first = history.first, let last = history.last, last.at > first.at else { return 0 }
        let seconds = Double((last.at - first.at).wholeMicroseconds) / 1_000_000
        return Double(last[keyPath: counter] - first[keyPath: counter]) / seconds
    }
}
