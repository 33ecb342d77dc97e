/// What `queuelab tune` recommends for. Pure.
public enum TuneGoal: String, Sendable, CaseIterable, Codable {
    /// The lowest median wall time of the configurations that finished.
    case fastest
    /// The lowest median cost of the clean configurations (no dead letter, no Process in ERROR).
    case cheapest
    /// The lowest median wall time of the clean configurations: the default.
    case noDLQFastest = "no-dlq-fastest"

    /// The index of the recommended row, if any row qualifies; ties go to the earlier row.
    public func recommend(_ rows: [TuneRow]) -> Int? {
        let candidates = rows.indices.filter { index in
            switch self {
            case .fastest: !rows[index].measurements.isEmpty
            case .cheapest, .noDLQFastest: rows[index].isClean
            }
        }
        let key: (TuneRow) -> Double = self == .cheapest ? { $0.figure(\.costDollars)?.median ?? .infinity } : {
            $0.figure(\.wallSeconds)?.median ?? .infinity
        }
        return candidates.min { key(rows[$0]) < key(rows[$1]) }
    }
}
