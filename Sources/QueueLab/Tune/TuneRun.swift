import Foundation
import Logging
import Observability

/// `queuelab tune`: the integration's sync once per combination of `--vary` values (times
/// `repeats`), one after another, each on a fresh state with the same data and CRM knobs. A
/// combination the generator refuses is reported as refused, and the others still run.
public struct TuneRun: Sendable {
    public struct Configuration: Sendable {
        public var integration: String
        public var root: URL
        public var variations: [TuneVariation]
        /// `--set` values every run shares (queueConfig keys and `crm.` knobs).
        public var settings: [String]
        public var records: Int?
        public var repeats: Int
        public var goal: TuneGoal
        public var prices: Prices
        /// Each run's state goes in `<stateDirectory>/<row>-<repeat>`.
        public var stateDirectory: String
        public var executableSearchPaths: [String]

        public init(
            integration: String, root: URL, variations: [TuneVariation], settings: [String] = [], records: Int? = nil, repeats: Int = 1,
            goal: TuneGoal = .noDLQFastest, prices: Prices = Prices(), stateDirectory: String? = nil,
            executableSearchPaths: [String] = [RuntimeConfiguration.runningExecutableDirectory()]
        ) {
            self.integration = integration
            self.root = root
            self.variations = variations
            self.settings = settings
            self.records = records
            self.repeats = repeats
            self.goal = goal
            self.prices = prices
            self.stateDirectory = stateDirectory ?? ".queuelab/tune/\(integration)"
            self.executableSearchPaths = executableSearchPaths
        }
    }

    /// Where a tune is: the run it is on, of how many, and how long the finished ones took.
    public struct Progress: Sendable {
        public var configuration: TuneConfiguration
        public var run: Int
        public var runs: Int
        public var repeatIndex: Int
        public var elapsed: Duration
        /// From the mean run so far; nil before the first finishes.
        public var remaining: Duration?
    }

    public let configuration: Configuration
    public let configurations: [TuneConfiguration]
    /// The queueConfig values of the shared `--set`, which every configuration runs with.
    let sharedQueueConfig: [String: Int]

    /// Checks the variations and the shared settings before anything runs.
    public init(_ configuration: Configuration) throws {
        guard !configuration.variations.isEmpty else {
            throw TuneError(.nothingToCompare, "nothing to compare: give at least one --vary, e.g. --vary maxWorkers=5,10,25,50")
        }
        guard configuration.repeats >= 1 else { throw TuneError(.nothingToCompare, "--repeat must be 1 or more") }
        // The shared settings alone must be valid; a combination's own values may still be refused.
        sharedQueueConfig = try SyncRun(
            Self.syncConfiguration(configuration, settings: configuration.settings, directory: configuration.stateDirectory)).queueConfig
        self.configuration = configuration
        configurations = TuneVariation.grid(configuration.variations)
    }

    /// Runs every configuration `repeats` times, one run at a time.
    public func run(logger: Logger, progress: @escaping @Sendable (Progress) async -> Void = { _ in }) async throws -> TuneResult {
        var rows: [TuneRow] = []
        let clock = ContinuousClock()
        let start = clock.now
        let runs = configurations.count * configuration.repeats
        var finished = 0
        var measuredTime = Duration.zero
        var measuredRuns = 0
        for (index, tuned) in configurations.enumerated() {
            var measurements: [TuneMeasurement] = []
            var outcome: TuneRow.Outcome?
            for repeatIndex in 1...configuration.repeats {
                finished += 1
                let remaining = measuredRuns == 0 ? nil : measuredTime / measuredRuns * (runs - finished + 1)
                await progress(Progress(
                    configuration: tuned, run: finished, runs: runs, repeatIndex: repeatIndex, elapsed: start.duration(to: clock.now),
                    remaining: remaining))
                let directory = configuration.stateDirectory + "/\(index + 1)-\(repeatIndex)"
                let sync: SyncRun
                do {
                    sync = try SyncRun(Self.syncConfiguration(configuration, settings: configuration.settings + tuned.settings, directory: directory))
                } catch {
                    outcome = .refused(error.message)
                    finished += configuration.repeats - repeatIndex
                    break
                }
                let runStart = clock.now
                do {
                    let result = try await sync.run(logger: logger)
                    measurements.append(TuneMeasurement(result, integration: configuration.integration))
                } catch {
                    outcome = .failed("\(error)")
                    finished += configuration.repeats - repeatIndex
                    break
                }
                measuredTime += runStart.duration(to: clock.now)
                measuredRuns += 1
            }
            rows.append(TuneRow(configuration: tuned, outcome: outcome ?? .measured(measurements)))
        }
        let recommended = configuration.goal.recommend(rows)
        return TuneResult(
            integration: configuration.integration, goal: configuration.goal, repeats: configuration.repeats, prices: configuration.prices,
            rows: rows, recommended: recommended,
            recommendedQueueConfig: recommended.map { index in
                sharedQueueConfig.merging(rows[index].configuration.values.map { ($0.key, $0.value) }) { _, varied in varied }
            })
    }

    static func syncConfiguration(_ configuration: Configuration, settings: [String], directory: String) -> SyncRunConfiguration {
        var sync = SyncRunConfiguration(
            integration: configuration.integration, root: configuration.root, stateDirectory: directory, records: configuration.records,
            settings: settings, executableSearchPaths: configuration.executableSearchPaths)
        sync.prices = configuration.prices
        return sync
    }
}
