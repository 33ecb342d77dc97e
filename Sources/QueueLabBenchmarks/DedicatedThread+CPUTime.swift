import Foundation
import Primitives

extension DedicatedThread {
    /// CPU time (user and system) the calling thread has used so far.
    static func cpuTime() -> Duration {
        var usage = rusage()
        // RUSAGE_THREAD (1) is not imported from glibc's headers.
        getrusage(__rusage_who_t(1), &usage)
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }
}
