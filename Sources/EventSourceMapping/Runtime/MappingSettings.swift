/// What every event source mapping of a runtime shares.
public struct MappingSettings: Sendable {
    public var rates: ScalingRates
    /// Records every delivery attempt in the state file; off only to measure what recording costs.
    public var recordsAttempts: Bool

    public init(rates: ScalingRates = .aws, recordsAttempts: Bool = true) {
        self.rates = rates
        self.recordsAttempts = recordsAttempts
    }
}
