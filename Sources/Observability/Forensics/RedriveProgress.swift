import Foundation
import QueueStore

/// Where a redrive (a message move task out of a dead-letter queue) stands.
public struct RedriveProgress: Sendable, Equatable {
    let taskId: Int64
    public let handle: String
    /// The dead-letter queue the messages leave.
    public let source: String
    /// Where they go; `nil`: each back to the queue it died in.
    public let destination: String?
    public let moved: Int
    /// The messages in the dead-letter queue when the task started.
    public let total: Int
    public let status: MoveTaskRecord.Status
    public let failureReason: String?
    /// Milliseconds from the task's start to this reading.
    public let elapsed: Int64

    public init(_ task: MoveTaskRecord, now: Int64) {
        taskId = task.id ?? 0
        handle = task.handle
        source = QueueRecord.name(fromARN: task.sourceArn)
        destination = task.destinationArn.map(QueueRecord.name(fromARN:))
        moved = task.messagesMoved
        total = task.messagesToMove
        status = task.status
        failureReason = task.failureReason
        elapsed = max(0, now - task.startedAt)
    }

    public var isRunning: Bool { status == .running }
    public var failed: Bool { status == .failed }

    /// Messages moved a second since the task started.
    public var rate: Double {
        elapsed > 0 ? Double(moved) * 1000 / Double(elapsed) : 0
    }

    /// `moved 3/5 from orders-dlq to their source queues (2.0 messages/s)`, ended with the status once over.
    public var line: String {
        let route = "from \(source) to \(destination ?? "their source queues")"
        let figures = "moved \(moved)/\(total) \(route) (\(String(format: "%.1f", rate)) messages/s)"
        switch status {
        case .running: return figures
        case .failed: return "\(figures): FAILED\(failureReason.map { " (\($0))" } ?? "")"
        default: return "\(figures) in \(String(format: "%.1f", Double(elapsed) / 1000)) s: \(status.rawValue)"
        }
    }
}
