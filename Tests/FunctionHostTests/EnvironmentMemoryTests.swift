@testable import FunctionHost
import Testing

@Suite("Memory limits without I/O")
struct EnvironmentMemoryTests {
    static let rlimit = EnvironmentMemory(kind: .rlimit, limitMegabytes: 128)

    static func end(_ exit: ProcessExit, peakMegabytes: Int?) -> EnvironmentProcess.End {
        EnvironmentProcess.End(exit: exit, peakResidentBytes: peakMegabytes.map { $0 * 1024 * 1024 })
    }

    @Test("the rlimit counts a death by a signal with the peak within a tenth of the limit as out of memory")
    func rlimitOutOfMemory() {
        #expect(Self.rlimit.ranOutOfMemory(Self.end(.signaled(6), peakMegabytes: 139)))
        #expect(Self.rlimit.ranOutOfMemory(Self.end(.signaled(9), peakMegabytes: 116)))
        #expect(!Self.rlimit.ranOutOfMemory(Self.end(.signaled(11), peakMegabytes: 12)), "a crash far below the limit")
        #expect(!Self.rlimit.ranOutOfMemory(Self.end(.exited(code: 1), peakMegabytes: 128)), "an exit is the runtime's own decision")
        #expect(!Self.rlimit.ranOutOfMemory(Self.end(.signaled(6), peakMegabytes: nil)), "a peak not known to be the runtime's own")
    }

    @Test("the shell enters the limit before it becomes the runtime")
    func shellCommand() {
        #expect(Self.rlimit.shellCommand == (#"ulimit -d "$1""#, "131072"))
        #expect(EnvironmentMemory(kind: .cgroupV2("/sys/fs/cgroup/q/e1"), limitMegabytes: 128).shellCommand
            == (#"echo $$ > "$1/cgroup.procs""#, "/sys/fs/cgroup/q/e1"))
    }

    @Test("once the process has ended, the gauge reports the peak its reaper learnt")
    func peakAtExit() {
        let gauge = PeakMemoryGauge(path: "/nonexistent", format: .highWaterMarkKilobytes)
        #expect(gauge.megabytes() == 0)
        gauge.processEnded(peakBytes: 5 * 1024 * 1024 + 1)
        #expect(gauge.megabytes() == 6)
    }
}
