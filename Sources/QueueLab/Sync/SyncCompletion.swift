import CRMSync
import QueueStore

/// Whether a sync is over, from one reading of its Processes and its queue. Pure.
///
/// A sync is over when every Process it started is final (COMPLETED or ERROR) and no message is
/// left on the queue, visible, in flight or delayed: poison records' own messages have been
/// dead-lettered by then. If the queue is settled while a Process is missing or unfinished,
/// nothing is left that could finish it: the sync stalled (e.g. its start message or a page was
/// dead-lettered after a crash or a timeout on its last receive).
enum SyncCompletion: Equatable {
    case running
    case finished
    case stalled(String)

    init(processes: [SyncProcess], expectedProcesses: Int, queue: QueueCounts) {
        let settled = queue.visible == 0 && queue.inFlight == 0 && queue.delayed == 0
        let unfinished = processes.filter { !$0.state.isFinal }
        switch (settled, processes.count >= expectedProcesses && unfinished.isEmpty) {
        case (true, true):
            self = .finished
        case (true, false):
            if processes.count < expectedProcesses {
                self = .stalled("the queue is empty but only \(processes.count) of \(expectedProcesses) Processes started; see the DLQ (queuelab dlq list)")
            } else {
                let names = unfinished.map { "\($0.name) in \($0.state.rawValue)" }.joined(separator: ", ")
                self = .stalled("the queue is empty but \(names) cannot finish; see the DLQ (queuelab dlq list)")
            }
        case (false, _):
            self = .running
        }
    }
}
