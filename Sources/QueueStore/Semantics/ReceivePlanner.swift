/// Decides, without I/O, what one receive does with the messages it looked at: deliver them, or
/// move them to the dead-letter queue because this receive would exceed `maxReceiveCount`.
///
/// FIFO queues, as AWS answers (LocalStack's AWS-validated FIFO group tests): a receive hands out
/// one group's messages together and in order before the next group's. A group is available when
/// its first message (lowest sequence number) is visible, and groups come in the order in which
/// their first message became visible, so a group whose message timed out or was released goes
/// behind the groups that waited meanwhile. Within a group, delivery stops at the first message that
/// is not visible (in flight or delayed): nothing later in a group overtakes an earlier message.
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

    /// Standard queues: candidates are the visible messages in delivery order. FIFO queues: each
    /// group's candidates are its leading messages in sequence (row id) order, visible or not; the
    /// planner orders the groups itself.
    func plan(_ candidates: [Candidate]) -> [Action] {
        var actions: [Action] = []
        var delivered = 0
        for group in isFifo ? Self.availableGroups(candidates, now: now) : [candidates] {
            for candidate in group {
                guard delivered < maxMessages else { return actions }
                if candidate.visibleAt > now { break }
                if let maxReceiveCount, candidate.receiveCount >= maxReceiveCount {
                    actions.append(.deadLetter(candidate.rowId))
                } else {
                    actions.append(.deliver(candidate.rowId))
                    delivered += 1
                }
            }
        }
        return actions
    }

    /// The groups whose first message is visible, each in sequence order, ordered by when that
    /// first message became visible (then by sequence).
    static func availableGroups(_ candidates: [Candidate], now: Int64) -> [[Candidate]] {
        var groups: [String: [Candidate]] = [:]
        for candidate in candidates { groups[candidate.groupId ?? "", default: []].append(candidate) }
        return groups.values
            .map { $0.sorted { $0.rowId < $1.rowId } }
            .filter { $0[0].visibleAt <= now }
            .sorted { ($0[0].visibleAt, $0[0].rowId) < ($1[0].visibleAt, $1[0].rowId) }
    }
}
