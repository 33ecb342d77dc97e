/// The estimated AWS bill of a run: each line's quantity at its price. No free tier is applied.
public struct CostEstimate: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        /// The price key it uses (see `Prices`).
        public var price: String
        public var description: String
        public var quantity: Double
        public var unit: String
        public var dollars: Double
    }

    /// Every price used, by key, so a reader can see and override them.
    public var prices: [String: Double]
    public var lines: [Line]
    public var totalDollars: Double
}
