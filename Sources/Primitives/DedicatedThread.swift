import Foundation

/// Blocking work (waiting for a process, a blocking read, a synchronous wait inside a library, a
/// slow system call) on an operating-system thread of its own, awaited by the calling task.
///
/// On Linux the cooperative pool has one thread per core, and libdispatch adds a thread for a
/// blocked one at most once a second: blocking work held there stalls every other task's timers
/// and continuations (servers, pollers, deadlines) for as long as it blocks.
public enum DedicatedThread {
    public static func run<Value: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Result { () throws(Failure) -> Value in try body() }) }.start()
        }
        return try result.get()
    }
}
