import Foundation
import Observability
import QueueStore
import Testing

@Suite("The run report built from attempts and samples")
struct RunReportBuilderTests {
    static let start: Int64 = 1_000_000

    static func attempt(
        _ outcome: DeliveryOutcome, mapping: String? = "m1", received: Int64, invoked: Int64? = nil, ended: Int64? = nil,
        durationMs: Double? = nil, batch: Int = 10, throttles: Int = 0, cold: Bool = false, error: String? = nil, message: String? = nil
    ) -> DeliveryAttempt {
        var attempt = DeliveryAttempt(
            functionName: "worker", mappingId: mapping, queueName: mapping == nil ? nil : "jobs", receivedAt: start + received,
            batchSize: batch, outcome: outcome)
        attempt.invokedAt = invoked.map { start + $0 }
        attempt.endedAt = ended.map { start + $0 }
        attempt.durationMicroseconds = durationMs.map { Int64($0 * 1000) }
        attempt.throttles = throttles
        attempt.coldStart = cold
        attempt.errorType = error
        attempt.errorMessage = message
        return attempt
    }

    static let attempts = [
        attempt(.succeeded, received: 50, invoked: 100, ended: 600, durationMs: 500.2, cold: true),
        attempt(.functionError, received: 150, invoked: 200, ended: 700, durationMs: 499.9, error: "ValueError", message: "bad phone"),
        attempt(.timedOut, received: 250, invoked: 300, ended: 3_300, durationMs: 3_000, error: "Sandbox.Timedout"),
        attempt(.throttled, received: 400, ended: 1_000, throttles: 3, error: "ReservedFunctionConcurrentInvocationLimitExceeded"),
        attempt(.batchItemFailures, received: 900, invoked: 1_000, ended: 1_100, durationMs: 100, throttles: 1),
        attempt(.filtered, received: 1_200, ended: 1_200, batch: 2),
        attempt(.throttled, mapping: nil, received: 500, ended: 500, batch: 0, throttles: 1, error: "TooManyRequestsException"),
    ]

    static func input(now: Int64, endedAt: Int64? = nil, prices: Prices = Prices()) -> RunReportBuilder.Input {
        var run = RunRecord(
            startedAt: start,
            functions: [.init(name: "worker", memorySize: 1024, timeout: 3, reservedConcurrency: 5, provisionedConcurrency: 1)],
            mappings: [.init(id: "m1", queueName: "jobs", functionName: "worker", batchSize: 10, maximumConcurrency: 5)])
        run.id = 1
        run.lastSampleAt = start + 4_000
        run.endedAt = endedAt
        let samples = [
            QueueSample(runId: 1, at: start + 1_000, queueName: "jobs", counts: QueueCounts(visible: 40, inFlight: 20),
                        oldestMessageAge: 900, activity: QueueActivity(sent: 62, received: 20, requests: 4)),
            QueueSample(runId: 1, at: start + 4_000, queueName: "jobs", counts: QueueCounts(visible: 0, inFlight: 0),
                        oldestMessageAge: nil, activity: QueueActivity(sent: 62, received: 52, deleted: 50, deadLettered: 2, requests: 7)),
            QueueSample(runId: 1, at: start + 4_000, queueName: "orders.fifo", counts: QueueCounts(),
                        oldestMessageAge: 2_500, activity: QueueActivity(requests: 3)),
        ]
        return RunReportBuilder.Input(
            stateFile: "state.sqlite", run: run, now: now, attempts: attempts, samples: samples, fifoQueues: ["orders.fifo"],
            receiveCounts: ["jobs": [1: 48, 2: 2]], prices: prices)
    }

    @Test("per function: invocations that ran, cold starts, every throttle, errors by type, timeouts, billed GB-seconds, peak concurrency")
    func functions() throws {
        let report = RunReportBuilder(Self.input(now: Self.start + 60_000)).build()
        let worker = try #require(report.functions.first)
        #expect(worker.invocations == 4, "throttled to the end and filtered batches never ran")
        #expect(worker.coldStarts == 1)
        #expect(worker.throttles == 5)
        #expect(worker.errors == ["ValueError": 1, "Sandbox.Timedout": 1], "a partial batch failure is not a function error")
        #expect(worker.timeouts == 1)
        #expect(abs(worker.gbSeconds - 4.101) < 1e-9, "501 + 500 + 3000 + 100 billed ms at 1 GB")
        #expect(worker.peakConcurrency == 3)
        #expect(worker.durationMs?.max == 3_000 && worker.durationMs?.p50 == 499.9)
    }

    @Test("per mapping and queue: batches, mean batch size, counters of the last sample, maximum age, receive counts")
    func mappingsAndQueues() throws {
        let report = RunReportBuilder(Self.input(now: Self.start + 60_000)).build()
        let mapping = try #require(report.mappings.first)
        #expect(mapping.batches == 6)
        #expect(abs(mapping.meanBatchSize - 52.0 / 6) < 1e-9)
        #expect(mapping.peakConcurrency == 3)
        #expect(report.series.mappingConcurrency.map(\.name) == ["m1"])
        #expect(report.series.mappingConcurrency.first?.points.map { $0[1] }.max() == 3)
        let jobs = try #require(report.queues.first { $0.name == "jobs" })
        #expect(jobs.sent == 62 && jobs.received == 52 && jobs.deleted == 50 && jobs.deadLettered == 2 && jobs.requests == 7)
        #expect(jobs.maxAgeSeconds == 0.9)
        #expect(jobs.receiveCounts == ["1": 48, "2": 2])
        #expect(report.series.queueDepth.first { $0.name == "jobs" }?.points == [[1, 40], [4, 0]])
        #expect(report.series.inFlight.first { $0.name == "jobs" }?.points == [[1, 20], [4, 0]])
    }

    @Test("throttles and errors become events at the time they happened")
    func events() {
        let report = RunReportBuilder(Self.input(now: Self.start + 60_000)).build()
        #expect(report.series.events.map(\.kind) == [.throttle, .throttle, .error, .throttle, .error])
        #expect(report.series.events.map(\.at) == [0.4, 0.5, 0.7, 1.0, 3.3])
        #expect(report.series.events[0].detail == "ReservedFunctionConcurrentInvocationLimitExceeded (3 times)")
        #expect(report.series.events[2].detail == "ValueError: bad phone")
    }

    @Test("a run with no recorded end is running while its samples are fresh, else it was killed; its end is its last sample")
    func status() {
        #expect(RunReportBuilder(Self.input(now: Self.start + 4_500)).build().run.status == .running)
        let killed = RunReportBuilder(Self.input(now: Self.start + 60_000)).build().run
        #expect(killed.status == .killed)
        #expect(killed.durationSeconds == 4)
        #expect(killed.wallSeconds == 3.25, "from the first receive (50 ms) to the last end (3.3 s)")
        #expect(RunReportBuilder(Self.input(now: Self.start + 60_000, endedAt: Self.start + 5_000)).build().run.status == .stopped)
    }

    @Test("the cost: requests, GB-seconds, provisioned concurrency for the run, SQS requests at the standard and FIFO price")
    func cost() throws {
        let prices = try Prices(parsing: ["lambda.requestsPerMillion=1000000"])
        let cost = RunReportBuilder(Self.input(now: Self.start + 60_000, prices: prices)).build().cost
        let dollars = Dictionary(uniqueKeysWithValues: cost.lines.map { ($0.price, $0.dollars) })
        #expect(dollars["lambda.requestsPerMillion"] == 4)
        #expect(abs((dollars["lambda.gbSecond"] ?? 0) - 4.101 * 0.0000166667) < 1e-15)
        #expect(abs((dollars["lambda.provisionedGbSecond"] ?? 0) - 4 * 0.0000041667) < 1e-15, "1 provisioned GB for 4 s")
        #expect(abs((dollars["sqs.standardRequestsPerMillion"] ?? 0) - 7 * 0.40 / 1_000_000) < 1e-15)
        #expect(abs((dollars["sqs.fifoRequestsPerMillion"] ?? 0) - 3 * 0.50 / 1_000_000) < 1e-15)
        #expect(abs(cost.totalDollars - cost.lines.reduce(0) { $0 + $1.dollars }) < 1e-15)
        #expect(cost.prices["lambda.requestsPerMillion"] == 1_000_000)
    }
}
