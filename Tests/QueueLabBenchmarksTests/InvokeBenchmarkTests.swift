import QueueLabBenchmarks
import TestSupport
import Testing

@Suite("The function host's benchmark")
struct InvokeBenchmarkTests {
    @Test("the benchmark measures warm invokes through the Invoke API and cold starts of the no-op handler")
    func benchmark() async throws {
        let report = try await InvokeBenchmark(
            handlerExecutable: TestPaths.productsDirectory + "/NoopHandler", warmInvocations: 20, coldStarts: 1
        ).run()
        #expect(report.warmInvoke.samples == 20)
        #expect(report.coldStart.samples == 1)
        #expect(report.clientCPUPerInvoke < report.warmInvoke.median)
    }
}
