import NIOCore

/// Runs tasks on one NIO event loop. A server run under this preference handles its connections
/// on the loop that owns their sockets, and the default actors those tasks call run there too, so
/// a request crosses no thread between reading its bytes and writing the answer.
public final class EventLoopTaskExecutor: TaskExecutor {
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
