import QueueLabBenchmarks
import TestSupport
import Testing

/// The event source mapping benchmarks run end to end and report what they measured; their
/// figures are for the README, never asserted here.
@Suite("The event source mapping's benchmarks")
struct EventSourceBenchmarkTests {
    @Test("bench drain empties a pre-filled queue through the no-op handler and reports the rate and the runtime's CPU")
    func drain() async throws {
        for recordsAttempts in [true, false] {
            let report = try await DrainBenchmark(
                handlerExecutable: TestPaths.productsDirectory + "/NoopHandler", messages: 500, recordsAttempts: recordsAttempts
            ).run()
            #expect(report.messages == 500 && report.recordsAttempts == recordsAttempts)
            #expect(report.elapsed > .zero && report.runtimeCPU > .zero)
        }
    }

    @Test("bench latency times messages from SendMessage to the worker's start")
    func latency() async throws {
        let statistics = try await DeliveryLatencyBenchmark(workerExecutable: TestPaths.productsDirectory + "/queue-worker", samples: 5).run()
        #expect(statistics.samples == 5)
        #expect(statistics.median > .zero && statistics.median <= statistics.p99)
    }
}
