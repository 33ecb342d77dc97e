import Foundation
import Synchronization

/// The read end of a runtime's output pipe, with a thread of its own that waits in poll(2) and
/// says when there is something to read. Its owner reads, without blocking, so a caller always
/// gets everything written so far; the watcher waits for each read before it polls again, so it
/// never spins on bytes not yet read, and a runtime that writes faster than its output is logged
/// is held back by the pipe.
///
/// Not a libdispatch read source: on Linux, its epoll backend can free a source's bookkeeping
/// while it handles the pipe's hang-up and then read it again, which crashes the whole process
/// when a runtime exits (swift-corelibs-libdispatch#949).
final class OutputPipe: Sendable {
    private struct State {
        var ended = false
        var stopped = false
        /// The watcher said there is something to read and waits until it has been read.
        var watcherWaits = false
    }

    /// Yields when there is something to read (or the end); finishes at end of file.
    let readable: AsyncStream<Void>
    private let descriptor: Int32
    /// `stop()` writes to it to end the wait of a watcher whose pipe has not ended.
    private let stopper: (read: Int32, write: Int32)
    private let state = Mutex(State())
    private let wasRead = DispatchSemaphore(value: 0)

    /// Takes ownership of `descriptor`; the watcher closes it once `stop()` was called.
    init(descriptor: Int32) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        stopper = (ends[0], ends[1])
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        let (readable, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.readable = readable
        let watcher = Thread { [self] in watch(continuation) }
        watcher.name = "runtime output"
        watcher.start()
    }

    /// Ends the watcher, which then closes the pipe; call it once nothing reads any more.
    func stop() {
        state.withLock { state in
            state.stopped = true
            releaseWatcher(&state)
        }
        var byte: UInt8 = 0
        _ = write(stopper.write, &byte, 1)
    }

    /// Reads whatever is waiting without blocking; `nil` at end of file.
    func read() -> [UInt8]? {
        state.withLock { state in
            defer { releaseWatcher(&state) }
            guard !state.ended else { return nil }
            var collected: [UInt8] = []
            while true {
                let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16_384) { chunk in
                    let count = Foundation.read(descriptor, chunk.baseAddress, chunk.count)
                    if count > 0 { collected.append(contentsOf: chunk[0..<count]) }
                    return count
                }
                if count > 0 || (count < 0 && errno == EINTR) { continue }
                if count == 0 {
                    state.ended = true
                    return collected.isEmpty ? nil : collected
                }
                return collected
            }
        }
    }

    private func watch(_ readable: AsyncStream<Void>.Continuation) {
        var waits = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stopper.read, events: Int16(POLLIN), revents: 0)]
        var stopped = false
        while true {
            waits[0].revents = 0
            waits[1].revents = 0
            guard poll(&waits, 2, -1) > 0 else {
                if errno == EINTR { continue } else { break }
            }
            stopped = waits[1].revents != 0
            let goesOn = state.withLock { state in
                state.watcherWaits = !(stopped || state.stopped || state.ended)
                return state.watcherWaits
            }
            guard goesOn else { break }
            readable.yield()
            wasRead.wait()
        }
        readable.finish()
        // The owner may still read until it stops the watcher; only then does the descriptor go.
        var byte: UInt8 = 0
        while !stopped, Foundation.read(stopper.read, &byte, 1) < 0, errno == EINTR {}
        close(descriptor)
        close(stopper.read)
        close(stopper.write)
    }

    private func releaseWatcher(_ state: inout State) {
        guard state.watcherWaits else { return }
        state.watcherWaits = false
        wasRead.signal()
    }
}
