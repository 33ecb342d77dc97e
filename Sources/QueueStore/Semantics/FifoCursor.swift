/// Where a FIFO receive's next page of groups starts: after the first message of the last group looked at.
struct FifoCursor {
    var visibleAt: Int64 = .min
    var rowId: Int64 = 0

    var isStart: Bool { rowId == 0 }

    init() {}

    init(after candidates: [ReceivePlanner.Candidate]) {
        var heads: [String: ReceivePlanner.Candidate] = [:]
        for candidate in candidates where candidate.rowId < heads[candidate.groupId ?? ""]?.rowId ?? .max {
            heads[candidate.groupId ?? ""] = candidate
        }
        let last = heads.values.max { ($0.visibleAt, $0.rowId) < ($1.visibleAt, $1.rowId) }
        visibleAt = last?.visibleAt ?? .max
        rowId = last?.rowId ?? .max
    }
}
