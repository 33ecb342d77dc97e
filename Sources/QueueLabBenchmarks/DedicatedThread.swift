import Foundation

/// Blocking work on an operating-system thread of its own, awaited by the calling task.
enum DedicatedThread {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.start()
        }
    }

    /// CPU time (user and system) the calling thread has used so far.
    static func cpuTime() -> Duration {
        var usage = rusage()
        // RUSAGE_THREAD (1) is not imported from glibc's headers.
        getrusage(__rusage_who_t(1), &usage)
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }
}
