/// One configuration of a tune: refused by the generator, or measured once per repeat.
public struct TuneRow: Sendable, Equatable, Codable {
    public enum Outcome: Sendable, Equatable, Codable {
        /// The definition with these values does not generate (e.g. provisioned above maxWorkers).
        case refused(String)
        /// The sync did not finish (it stalled, or a run failed to start).
        case failed(String)
        case measured([TuneMeasurement])
    }

    public var configuration: TuneConfiguration
    public var outcome: Outcome

    public var measurements: [TuneMeasurement] {
        guard case .measured(let measurements) = outcome else { return [] }
        return measurements
    }

    /// The median of `figure` over the repeats, and its spread (lowest, highest).
    public func figure(_ figure: (TuneMeasurement) -> Double) -> (median: Double, low: Double, high: Double)? {
        let values = measurements.map(figure).sorted()
        guard let low = values.first, let high = values.last else { return nil }
        let middle = values.count / 2
        let median = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
        return (median, low, high)
    }

    /// Every repeat finished with no dead letter and no Process in ERROR.
    public var isClean: Bool { !measurements.isEmpty && measurements.allSatisfy(\.isClean) }
}
