@testable import FunctionHost
import ServerSupport
import TestSupport
import Testing

@Suite("What the warm path relies on")
struct HostPerformanceTests {
    @Test("a task preferring the host's executor runs on its event loop, and so do the actors it calls")
    func eventLoopTaskExecutor() async throws {
        let host = try FunctionHost(
            functions: [], configuration: FunctionHostConfiguration(stateDirectory: TestPaths.temporaryDirectory()))
        let executor = host.executor
        let onLoop = await withTaskExecutorPreference(executor) { executor.eventLoop.inEventLoop }
        #expect(onLoop)
        let actorOnLoop = await withTaskExecutorPreference(executor) { await LoopProbe().isOn(executor) }
        #expect(actorOnLoop)
    }

    @Test("peak memory is read from a cgroup counter or from VmHWM in /proc/<pid>/status")
    func peakMemoryParsing() {
        func parse(_ text: String, _ format: PeakMemoryGauge.Format) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { PeakMemoryGauge.parse($0, format) }
        }
        #expect(parse("52428800\n", .bytes) == 52_428_800)
        #expect(parse("Name:\tprobe\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1000 kB\n", .highWaterMarkKilobytes) == 2_097_152)
        #expect(parse("Name:\tprobe\n", .highWaterMarkKilobytes) == nil)
        #expect(parse("", .bytes) == nil)
    }

    @Test("the gauge reports this process's own peak in whole megabytes")
    func peakMemoryGauge() {
        let gauge = PeakMemoryGauge(path: "/proc/self/status", format: .highWaterMarkKilobytes)
        #expect(gauge.megabytes() > 0)
        #expect(PeakMemoryGauge(path: "/nonexistent", format: .bytes).megabytes() == 0)
    }

    @Test("log timestamps and REPORT durations are formatted as CloudWatch shows them")
    func formatting() {
        #expect(FunctionLog.timestamp().wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
        #expect(InvocationReport.milliseconds(.microseconds(1_050)) == "1.05")
        #expect(InvocationReport.milliseconds(.microseconds(999_996)) == "1000.00")
        #expect(InvocationReport.milliseconds(.zero) == "0.00")
    }

    @Test("request ids are lowercase version-4 UUIDs; trace ids follow X-Ray's format")
    func identifiers() {
        let ids = (0..<100).map { _ in FunctionHost.newRequestID() }
        #expect(Set(ids).count == 100)
        for id in ids {
            #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(id)")
        }
        #expect(FunctionHost.newTraceID().wholeMatch(of: /Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0/) != nil)
    }
}

private actor LoopProbe {
    func isOn(_ executor: EventLoopTaskExecutor) -> Bool { executor.eventLoop.inEventLoop }
}
