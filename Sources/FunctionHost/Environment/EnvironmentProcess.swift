import Foundation
import Primitives
import SpawnFileActions
import Synchronization

/// A runtime process with its stdout and stderr merged into one stream, as Lambda merges them
/// into one log stream.
///
/// It is spawned and reaped here rather than by Foundation's `Process`: only the reaper's
/// `wait4` learns the process's peak memory at its death, which the rlimit memory limit needs
/// to tell an out-of-memory death from an ordinary crash.
///
/// That figure (`ru_maxrss`) also holds the spawner's own peak, which the kernel records when the
/// child first executes a program in place of the memory it inherited; so it only tells the
/// runtime's peak when it is above ours at the spawn.
final class EnvironmentProcess: Sendable {
    /// How the process ended, and its peak resident memory (the kernel's `ru_maxrss`) when that
    /// is known to be its own: `nil` when it did not pass the host's peak at the spawn.
    struct End: Sendable, Equatable {
        let exit: ProcessExit
        let peakResidentBytes: Int?
    }

    let pid: Int32
    /// The host's own peak resident memory when this process started (see above).
    private let spawnerPeakBytes: Int
    private let endMailbox = OneShot<End>()
    /// Set once the process has ended, just before it is reaped: from then on its pid may belong
    /// to another process, so it is never signalled again.
    private let ended = Mutex(false)
    private let output: OutputPipe

    /// Starts `executable` with exactly `environment`, standard input from `/dev/null`, default
    /// signal handling, in its own process group, and no descriptor of ours but its output.
    init(executable: String, arguments: [String], environment: [String: String]) throws(ProcessSpawnError) {
        var sockets: [Int32] = [-1, -1]
        // Close-on-exec from the start, so no other process spawned meanwhile inherits them.
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            throw ProcessSpawnError(call: "socketpair", code: errno)
        }
        let (reading, writing) = (sockets[0], sockets[1])
        defer { close(writing) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writing, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, writing, STDERR_FILENO)
        // Descriptors others open without close-on-exec (Foundation's pipes, and the socket whose
        // end-of-file tells `Process` that its child exited), closed in the child as it starts: a
        // list taken here missed those another thread opened meanwhile, and a runtime that kept a
        // client's socket made that client's exit go unnoticed until the runtime itself ended.
        spawn_file_actions_add_close_from(&actions, STDERR_FILENO + 1)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        // Its own group, so a Ctrl-C at the terminal reaches the host (which stops it), not it.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var spawned: pid_t = 0
        let status = Self.withCStrings([executable] + arguments) { argv in
            Self.withCStrings(environment.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&spawned, executable, &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else {
            close(reading)
            throw ProcessSpawnError(call: "posix_spawn \(executable)", code: status)
        }
        pid = spawned
        // Read after the spawn returns, so at least what the kernel recorded in the child.
        spawnerPeakBytes = Self.ownPeakBytes()
        do {
            output = try OutputPipe(descriptor: reading)
        } catch {
            // Without a way to read its output the process cannot serve: stop it, and wait for it.
            _ = Foundation.kill(spawned, SIGKILL)
            var status: Int32 = 0
            while waitpid(spawned, &status, 0) < 0 && errno == EINTR {}
            throw ProcessSpawnError(call: "pipe", code: (error as? POSIXError)?.code.rawValue ?? EIO)
        }

        // A blocking wait needs a thread of its own; it ends with the process.
        Thread.detachNewThread { self.reap() }
    }

    deinit {
        output.stop()
    }

    /// Yields whenever output is waiting; finishes at end of file.
    var outputReadable: AsyncStream<Void> { output.readable }

    /// Waits until the process has ended; deliberately not cancellable, so nothing is abandoned.
    func waitForExit() async -> End {
        await endMailbox.value()
    }

    func kill() {
        ended.withLock { ended in
            // The whole process group (the runtime leads its own): what the handler started dies too.
            if !ended { _ = Foundation.kill(-pid, SIGKILL) }
        }
    }

    /// Reads whatever output is waiting without blocking; `nil` at end of file.
    func readAvailableOutput() -> [UInt8]? {
        output.read()
    }

    /// Waits for the process to end without reaping it, marks it ended, then reaps it with its usage.
    private func reap() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        ended.withLock { $0 = true }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let peak = Int(usage.ru_maxrss) * 1024
        endMailbox.fulfil(End(exit: ProcessExit(waitStatus: status), peakResidentBytes: peak > spawnerPeakBytes ? peak : nil))
    }

    /// This process's peak resident memory (`VmHWM`).
    private static func ownPeakBytes() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let bytes = Array(text.utf8).withUnsafeBufferPointer { PeakMemoryGauge.parse($0, .highWaterMarkKilobytes) }
        return bytes ?? .max
    }

    /// Calls `body` with `strings` as a null-terminated C array (`argv`, `envp`).
    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
    ) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
