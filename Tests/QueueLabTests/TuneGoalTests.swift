import Testing

@testable import Observability
@testable import QueueLab

/// Which configuration `queuelab tune` recommends, from the figures alone.
@Suite("The tune's recommendation")
struct TuneGoalTests {
    static func row(_ label: Int, wall: [Double], cost: Double = 1, deadLettered: Int = 0, inError: Int = 0) -> TuneRow {
        let measurements = wall.map { seconds in
            TuneMeasurement(
                wallSeconds: seconds, recordsPerSecond: 100 / seconds, peakConcurrency: 1, meanConcurrency: 1, coldStarts: 0, throttles: 0,
                retries: 0, rateLimited: 0, deadLettered: deadLettered, contactsSynced: 100, processesInError: inError, costDollars: cost,
                series: RunReport.Series(queueDepth: [], inFlight: [], concurrency: [], mappingConcurrency: [], events: []))
        }
        return TuneRow(configuration: TuneConfiguration(values: [.init(key: "maxWorkers", value: label)]), outcome: .measured(measurements))
    }

    static let rows = [
        row(5, wall: [9, 10, 30], cost: 1),  // median 10
        row(10, wall: [6, 7, 8], cost: 3, deadLettered: 1),  // fastest, but dead-lettered
        row(25, wall: [8, 8], cost: 2),
        row(50, wall: [8.5], cost: 0.5, inError: 1),
        TuneRow(configuration: TuneConfiguration(values: [.init(key: "maxWorkers", value: 99)]), outcome: .refused("no")),
    ]

    @Test func fastestTakesTheLowestMedianWallTimeOfAnyThatRan() {
        #expect(TuneGoal.fastest.recommend(Self.rows) == 1)
    }

    @Test func theDefaultTakesTheFastestWithNoDeadLetterAndNoError() {
        #expect(TuneGoal.noDLQFastest.recommend(Self.rows) == 2)
    }

    @Test func cheapestTakesTheLowestMedianCostOfTheCleanOnes() {
        #expect(TuneGoal.cheapest.recommend(Self.rows) == 0)
    }

    @Test func nothingQualifiesWhenEveryRowDeadLetteredOrWasRefused() {
        #expect(TuneGoal.noDLQFastest.recommend([Self.rows[1], Self.rows[4]]) == nil)
    }

    @Test func medianAndSpread() throws {
        let figure = try #require(Self.rows[0].figure(\.wallSeconds))
        #expect(figure.median == 10 && figure.low == 9 && figure.high == 30)
        #expect(try #require(Self.rows[2].figure(\.wallSeconds)).median == 8)
    }
}
