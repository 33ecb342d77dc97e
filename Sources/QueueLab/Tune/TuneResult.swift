import Observability

/// A finished tune: a row per configuration and the one recommended for the goal.
public struct TuneResult: Sendable, Codable {
    public var integration: String
    public var goal: TuneGoal
    public var repeats: Int
    public var prices: [String: Double]
    public var rows: [TuneRow]
    /// Index into `rows`; nil when no configuration qualifies for the goal.
    public var recommended: Int?
    /// The queueConfig values the recommended configuration ran with: its own and the shared `--set` ones.
    public var recommendedQueueConfig: [String: Int]?

    init(
        integration: String, goal: TuneGoal, repeats: Int, prices: Prices, rows: [TuneRow], recommended: Int?,
        recommendedQueueConfig: [String: Int]?
    ) {
        self.integration = integration
        self.goal = goal
        self.repeats = repeats
        self.prices = prices.values
        self.rows = rows
        self.recommended = recommended
        self.recommendedQueueConfig = recommendedQueueConfig
    }

    public var recommendedRow: TuneRow? { recommended.map { rows[$0] } }
}
