/// Decides, without I/O, what one receive does with the messages it looked at: deliver them, or
/// move them to the dead-letter queue because this receive would exceed `maxReceiveCount`.
/// FIFO queues deliver in order per message group and never while an earlier message of the
/// group is in flight (or not yet visible).
struct ReceivePlanner {
    struct Candidate: Equatable {
        var rowId: Int64
        var visibleAt: Int64
        var receiveCount: Int
        var groupId: String?
    }

    enum Action: Equatable {
        case deliver(Int64)
        case deadLetter(Int64)
    }

    var now: Int64
    var maxMessages: Int
    var isFifo: Bool
    /// Set when the queue has a redrive policy whose dead-letter queue exists.
    var maxReceiveCount: Int?

    /// Candidates come ordered by delivery preference (for FIFO: by sequence, including messages
    /// that are not visible, so that their groups are held back).
    func plan(_ candidates: [Candidate]) -> [Action] {
        var actions: [Action] = []
        var delivered = 0
        var blockedGroups: Set<String> = []
        for candidate in candidates where delivered < maxMessages {
            if candidate.visibleAt > now {
                if isFifo, let group = candidate.groupId { blockedGroups.insert(group) }
                continue
            }
            if isFifo, let group = candidate.groupId, blockedGroups.contains(group) { continue }
            if let maxReceiveCount, candidate.receiveCount >= maxReceiveCount {
                actions.append(.deadLetter(candidate.rowId))
            } else {
                actions.append(.deliver(candidate.rowId))
                delivered += 1
            }
        }
        return actions
    }
}
