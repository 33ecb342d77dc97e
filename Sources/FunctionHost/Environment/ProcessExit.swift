/// How a runtime process ended.
enum ProcessExit: Sendable, Equatable {
    case exited(code: Int32)
    case signaled(Int32)
    /// Killed by the memory limit.
    case outOfMemory
    case failedToLaunch(String)

    /// Decodes a `wait` status (the `WIFSIGNALED`/`WTERMSIG`/`WEXITSTATUS` macros).
    init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal != 0 && signal != 0x7F ? .signaled(signal) : .exited(code: (status >> 8) & 0xFF)
    }

    /// Lambda's wording, as in `Runtime exited with error: signal: killed`.
    var runtimeMessage: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "signal: \(Self.signalName(signal))"
        case .outOfMemory: "signal: killed"
        case .failedToLaunch(let reason): "failed to start: \(reason)"
        }
    }

    /// The `errorType` Lambda reports for a runtime that ended this way.
    var errorType: String {
        switch self {
        case .outOfMemory: "Runtime.OutOfMemory"
        case .failedToLaunch: "Runtime.InvalidEntrypoint"
        default: "Runtime.ExitError"
        }
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: "illegal instruction"
        case 5: "trace/breakpoint trap"
        case 6: "aborted"
        case 7: "bus error"
        case 8: "floating point exception"
        case 9: "killed"
        case 11: "segmentation fault"
        case 15: "terminated"
        default: "signal \(signal)"
        }
    }
}
