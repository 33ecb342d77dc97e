import Foundation

/// The memory limit of one environment: how its process is started inside the limit, how much
/// it used, and whether the limit killed it.
struct EnvironmentMemory: Sendable {
    enum Kind: Sendable, Equatable {
        case cgroupV1(String)
        case cgroupV2(String)
        case rlimit
    }

    let kind: Kind
    let limitMegabytes: Int

    /// A shell command that puts the shell, and so what it executes next, inside the limit
    /// before the runtime's first instruction; it reads its argument as `$1`.
    var shellCommand: (command: String, argument: String) {
        switch kind {
        case .cgroupV1(let group), .cgroupV2(let group): (#"echo $$ > "$1/cgroup.procs""#, group)
        case .rlimit: (#"ulimit -d "$1""#, String(limitMegabytes * 1024))
        }
    }

    /// Reads the environment's peak memory; the file stays open for the environment's lifetime.
    func peakGauge(pid: Int32) -> PeakMemoryGauge {
        switch kind {
        case .cgroupV1(let group): PeakMemoryGauge(path: group + "/memory.max_usage_in_bytes", format: .bytes)
        case .cgroupV2(let group): PeakMemoryGauge(path: group + "/memory.peak", format: .bytes)
        case .rlimit: PeakMemoryGauge(path: "/proc/\(pid)/status", format: .highWaterMarkKilobytes)
        }
    }

    /// Whether the process ended because it ran out of memory.
    ///
    /// A memory cgroup counts its OOM kills. The rlimit counts nothing: it refuses the allocation
    /// that would pass the limit, and runtimes then abort (Swift traps, Rust and Node abort, C++
    /// terminates). So under the rlimit, a death by a signal with the peak resident memory at death
    /// within a tenth of the limit counts as out of memory: a process that grows in steps smaller
    /// than that is refused only there, and a crash for another reason that close to the limit is
    /// rare. A single allocation larger than what is left is refused with the peak far below and
    /// stays an ordinary crash; so does a death whose peak is not known (see `EnvironmentProcess`).
    func ranOutOfMemory(_ end: EnvironmentProcess.End) -> Bool {
        switch kind {
        case .cgroupV1(let group): end.exit == .signaled(SIGKILL) && Self.counter("oom_kill", in: group + "/memory.oom_control") > 0
        case .cgroupV2(let group): end.exit == .signaled(SIGKILL) && Self.counter("oom_kill", in: group + "/memory.events") > 0
        case .rlimit:
            if case .signaled = end.exit, let peak = end.peakResidentBytes { peak >= limitMegabytes * 1024 * 1024 / 10 * 9 } else { false }
        }
    }

    func remove() {
        switch kind {
        case .cgroupV1(let group), .cgroupV2(let group): rmdir(group)
        case .rlimit: break
        }
    }

    private static func counter(_ name: String, in path: String) -> Int {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == name { return Int(parts[1]) ?? 0 }
        }
        return 0
    }
}
