import Foundation
import Synchronization

/// Enforces `memorySize` per environment: a memory cgroup (v1 or v2, whichever this machine
/// mounts writable) or, failing that, a data-segment rlimit.
struct MemoryLimiter: Sendable {
    enum Mechanism: Sendable, Equatable {
        case cgroupV1(parent: String)
        case cgroupV2(parent: String)
        case rlimit
    }

    let mechanism: Mechanism

    /// Hosts created so far by this process.
    private static let hostsCreated = Atomic<Int>(0)

    /// Whether hosts created in this task may use a memory cgroup; tests turn it off to run the
    /// rlimit fallback on a machine that has writable cgroups.
    @TaskLocal static var usesCgroups = true

    /// Creates this host's parent cgroup (`queuelab-<pid>-<n>`) under our own cgroup when possible.
    /// Every host gets its own, so two hosts in one process (tests, benchmarks) never share an
    /// environment's cgroup, its limit or its OOM counter.
    static func detect() -> MemoryLimiter {
        guard usesCgroups else { return MemoryLimiter(mechanism: .rlimit) }
        let hostGroup = "queuelab-\(getpid())-\(hostsCreated.add(1, ordering: .relaxed).newValue)"
        let membership = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        for line in membership.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            if fields[1].split(separator: ",").contains("memory") {
                let parent = "/sys/fs/cgroup/memory\(fields[2])/\(hostGroup)"
                if makeDirectory(parent) { return MemoryLimiter(mechanism: .cgroupV1(parent: parent)) }
            }
        }
        for line in membership.split(separator: "\n") where line.hasPrefix("0::") {
            let own = "/sys/fs/cgroup\(line.dropFirst(3))"
            let controllers = (try? String(contentsOfFile: own + "/cgroup.controllers", encoding: .utf8)) ?? ""
            let parent = own + "/" + hostGroup
            if controllers.contains("memory"), makeDirectory(parent),
                write("+memory", to: parent + "/cgroup.subtree_control") {
                return MemoryLimiter(mechanism: .cgroupV2(parent: parent))
            }
            rmdir(parent)
        }
        return MemoryLimiter(mechanism: .rlimit)
    }

    /// Prepares the limit for one environment; the returned value wraps its command line.
    func limit(environmentID: String, megabytes: Int) -> EnvironmentMemory {
        let bytes = megabytes * 1024 * 1024
        switch mechanism {
        case .cgroupV1(let parent):
            let group = parent + "/" + environmentID
            if Self.makeDirectory(group), Self.write(String(bytes), to: group + "/memory.limit_in_bytes") {
                // Without swap accounting this file is absent; the plain limit is then enough.
                _ = Self.write(String(bytes), to: group + "/memory.memsw.limit_in_bytes")
                return EnvironmentMemory(kind: .cgroupV1(group), limitMegabytes: megabytes)
            }
        case .cgroupV2(let parent):
            let group = parent + "/" + environmentID
            if Self.makeDirectory(group), Self.write(String(bytes), to: group + "/memory.max") {
                _ = Self.write("0", to: group + "/memory.swap.max")
                return EnvironmentMemory(kind: .cgroupV2(group), limitMegabytes: megabytes)
            }
        case .rlimit:
            break
        }
        return EnvironmentMemory(kind: .rlimit, limitMegabytes: megabytes)
    }

    /// Removes the host's parent cgroup once every environment is gone.
    func removeHostGroup() {
        switch mechanism {
        case .cgroupV1(let parent), .cgroupV2(let parent): rmdir(parent)
        case .rlimit: break
        }
    }

    static func makeDirectory(_ path: String) -> Bool {
        mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    static func write(_ value: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Array(value.utf8).withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } == value.utf8.count
    }
}
