import BenchmarkSupport
import Glibc

/// One run of an executable with its standard output read through a pipe: when it was spawned,
/// when it was reaped, what it printed and what it used (`wait4`'s `rusage`).
struct ChildProcess {
    let startedAt: UInt64
    let exitedAt: UInt64
    let status: Int32
    let output: String
    let usage: rusage

    /// The child's user and system CPU time over its whole life, in nanoseconds.
    var cpuTime: UInt64 { ProcessClock.nanoseconds(usage.ru_utime) + ProcessClock.nanoseconds(usage.ru_stime) }

    /// Its peak resident memory in bytes (Linux gives kilobytes).
    var maxResidentBytes: UInt64 { UInt64(usage.ru_maxrss) * 1_024 }

    /// The trimmed output, or an error naming the executable when it did not exit with 0.
    func successfulOutput(of executable: String) throws(DriverError) -> String {
        guard status == 0 else { throw DriverError("\(executable) exited with status \(status): \(output)") }
        return String(output.split(whereSeparator: \.isNewline).last ?? "")
    }

    /// Spawns `executable` with `arguments` (standard error inherited) and waits for it.
    static func run(_ executable: String, _ arguments: [String]) throws(DriverError) -> ChildProcess {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw DriverError("pipe failed (errno \(errno))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        var pid: pid_t = 0
        let startedAt = ProcessClock.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw DriverError("cannot spawn \(executable) (error \(spawned))")
        }
        let output = readAll(pipeEnds[0])
        close(pipeEnds[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return ChildProcess(startedAt: startedAt, exitedAt: ProcessClock.now(), status: status, output: output, usage: usage)
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count == 0 || errno != EINTR {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}

/// Why the comparison could not be completed.
struct DriverError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
