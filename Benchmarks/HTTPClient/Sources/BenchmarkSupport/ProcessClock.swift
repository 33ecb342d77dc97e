import Glibc

/// The clocks the benchmark reads: the monotonic clock, which every process on the machine
/// shares (so a child's reading can be set against its parent's), and this process's CPU time.
public enum ProcessClock {
    /// Nanoseconds on `CLOCK_MONOTONIC`.
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// User and system CPU time of every thread of this process, in nanoseconds.
    public static func cpuTime() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
    }

    public static func nanoseconds(_ time: timeval) -> UInt64 {
        UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_usec) * 1_000
    }
}
