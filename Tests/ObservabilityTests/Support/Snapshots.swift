import Foundation
import Observability

/// Snapshots as the runtime monitor makes them, for the live view's and the metrics' tests.
enum Snapshots {
    static let reservedWorker = FunctionStatus(
        name: "sync-worker", memorySize: 512, concurrentExecutions: 3, reservedConcurrency: 5, provisionedConcurrency: 2,
        provisionedWarm: 2, invocations: 1234, coldStarts: 12, throttles: 5, errors: 3, timeouts: 1,
        recentDurationP50: .milliseconds(120), recentDurationP99: .milliseconds(1200))

    static let unreservedWorker = FunctionStatus(
        name: "a-function-with-a-rather-long-name-for-the-board", memorySize: 128, concurrentExecutions: 7, invocations: 20)

    static let queue = QueueStatus(
        name: "sync-queue", visible: 120, inFlight: 10, delayed: 4, deadLetterQueue: "sync-dlq", deadLetterDepth: 3,
        oldestMessageAge: 12.4, sent: 500, received: 400, deleted: 380, receiveRate: 40, deleteRate: 38.5)

    static let deadLetterQueue = QueueStatus(name: "sync-dlq", visible: 3)

    static let busy = RuntimeSnapshot(
        takenAt: Date(timeIntervalSince1970: 1_700_000_000), uptime: 65, functions: [reservedWorker, unreservedWorker],
        queues: [queue, deadLetterQueue])

    static let empty = RuntimeSnapshot(takenAt: Date(timeIntervalSince1970: 1_700_000_000), uptime: 0, functions: [], queues: [])
}
