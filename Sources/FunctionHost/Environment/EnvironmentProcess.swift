import Foundation
import Primitives

/// A runtime process with its stdout and stderr merged into one pipe, as Lambda merges them
/// into one log stream.
// Dispatch sources are thread-safe but not annotated `Sendable` in corelibs-dispatch.
final class EnvironmentProcess: @unchecked Sendable {
    let pid: Int32
    private let exitMailbox = OneShot<ProcessExit>()
    /// Yields whenever output is waiting in the pipe; finishes at end of file.
    let outputReadable: AsyncStream<Void>
    private let outputDescriptor: Int32
    private let readSource: any DispatchSourceRead

    init(executable: String, arguments: [String], environment: [String: String], directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice

        let mailbox = exitMailbox
        process.terminationHandler = { finished in
            mailbox.fulfil(
                finished.terminationReason == .uncaughtSignal
                    ? .signaled(finished.terminationStatus) : .exited(code: finished.terminationStatus))
        }
        try process.run()
        // Our copy of the write end must go, or the pipe never reaches end of file.
        try output.fileHandleForWriting.close()

        pid = process.processIdentifier
        outputDescriptor = dup(output.fileHandleForReading.fileDescriptor)
        try output.fileHandleForReading.close()
        _ = fcntl(outputDescriptor, F_SETFL, fcntl(outputDescriptor, F_GETFL) | O_NONBLOCK)

        let (readable, readableContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        outputReadable = readable
        readSource = DispatchSource.makeReadSource(fileDescriptor: outputDescriptor, queue: .global())
        readSource.setEventHandler { readableContinuation.yield() }
        readSource.setCancelHandler { readableContinuation.finish() }
        readSource.resume()
    }

    deinit {
        readSource.cancel()
        close(outputDescriptor)
    }

    /// Waits until the process has ended; deliberately not cancellable, so nothing is abandoned.
    func waitForExit() async -> ProcessExit {
        await exitMailbox.value()
    }

    func kill() {
        Foundation.kill(pid, SIGKILL)
    }

    /// Reads whatever output is waiting without blocking; `nil` at end of file.
    func readAvailableOutput() -> [UInt8]? {
        var collected: [UInt8] = []
        while true {
            let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16_384) { chunk in
                let count = read(outputDescriptor, chunk.baseAddress, chunk.count)
                if count > 0 { collected.append(contentsOf: chunk[0..<count]) }
                return count
            }
            if count > 0 {
                continue
            } else if count == 0 {
                readSource.cancel()
                return collected.isEmpty ? nil : collected
            } else if errno == EINTR {
                continue
            } else {
                return collected
            }
        }
    }
}
