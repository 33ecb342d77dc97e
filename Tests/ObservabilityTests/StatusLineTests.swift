import Testing

@testable import Observability

@Suite struct StatusLineTests {
    @Test func isOnePlainLineOfKeysAndValues() {
        let line = StatusLine.text(for: Snapshots.busy)
        #expect(!line.contains("\n"))
        #expect(!line.utf8.contains(0x1B))
        #expect(line.hasPrefix("status up=1m05s | function=sync-worker conc=3/5 warm=2/2 invocations=1234 cold=12"))
        #expect(line.contains("function=\(Snapshots.unreservedWorker.name) conc=7 warm=- invocations=20"))
        #expect(line.contains("p50=120ms p99=1.2s"))
        #expect(line.contains("queue=sync-queue visible=120 inflight=10 delayed=4 dlq=3 oldest=12s received=40.0/s deleted=38.5/s"))
        #expect(line.contains("queue=sync-dlq visible=3 inflight=0 delayed=0 dlq=- oldest=-"))
    }

    @Test func saysSoWhenThereIsNothingToShow() {
        #expect(StatusLine.text(for: Snapshots.empty) == "status up=0s | no functions or queues yet")
    }
}

@Suite struct PlainStatusScheduleTests {
    private static let quiet = StatusActivity(Snapshots.busy)
    private static var busier: StatusActivity {
        var snapshot = Snapshots.busy
        snapshot.functions[0].invocations += 1
        return StatusActivity(snapshot)
    }

    /// Whether a line is printed for each activity, at so many seconds from the start.
    private static func decisions(_ moments: [(StatusActivity, Int)]) -> [Bool] {
        let start = ContinuousClock.now
        var schedule = PlainStatusSchedule()
        return moments.map { schedule.shouldPrint($0, at: start + .seconds($1)) }
    }

    @Test func printsTheFirstLineAtOnceThenAChangeAfterTheIntervalOnly() {
        #expect(Self.decisions([(Self.quiet, 0), (Self.busier, 4), (Self.busier, 5), (Self.busier, 11)]) == [true, false, true, false])
    }

    @Test func timeAloneIsNoChangeButAHeartbeatComesEveryThirtySeconds() {
        var later = Snapshots.busy
        later.uptime += 20
        later.queues[0].oldestMessageAge = 32
        later.queues[0].receiveRate = 0
        let moments = [(Self.quiet, 0), (StatusActivity(later), 20), (Self.quiet, 29), (Self.quiet, 30), (Self.quiet, 35)]
        #expect(Self.decisions(moments) == [true, false, false, true, false])
    }
}
