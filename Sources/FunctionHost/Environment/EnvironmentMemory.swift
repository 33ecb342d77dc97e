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

    /// Wraps a command so the process is inside the limit before the runtime's first instruction.
    func wrap(executable: String, arguments: [String]) -> (executable: String, arguments: [String]) {
        switch kind {
        case .cgroupV1(let group), .cgroupV2(let group):
            return ("/bin/sh", ["-c", #"echo $$ > "$0/cgroup.procs" && exec "$@""#, group, executable] + arguments)
        case .rlimit:
            return ("/bin/sh", ["-c", #"ulimit -d "$0" && exec "$@""#, String(limitMegabytes * 1024), executable] + arguments)
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

    /// Whether the kernel's OOM killer ended a process of this environment.
    var wasKilledForMemory: Bool {
        switch kind {
        case .cgroupV1(let group): Self.counter("oom_kill", in: group + "/memory.oom_control") > 0
        case .cgroupV2(let group): Self.counter("oom_kill", in: group + "/memory.events") > 0
        case .rlimit: false
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
