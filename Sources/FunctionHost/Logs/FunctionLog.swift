import Foundation
import Synchronization

/// One function's log: every line goes to `<state>/logs/<function>.log` and, when asked, to the
/// terminal, prefixed with a timestamp and the function name.
///
/// Writes are synchronous under a lock (not an actor hop) so that handler output, START, END
/// and REPORT lines keep the order in which the environment saw them.
final class FunctionLog: Sendable {
    let functionName: String
    private let file: Mutex<FileHandle?>
    private let echo: Bool

    init(functionName: String, directory: String, echo: Bool) throws(FunctionHostError) {
        self.functionName = functionName
        self.echo = echo
        let path = directory + "/" + functionName + ".log"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateStateDirectory(directory)
        }
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
        file = Mutex(handle)
    }

    /// Writes lines as CloudWatch shows them, e.g. `START RequestId: … Version: $LATEST`.
    func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        let stamp = Self.timestamp()
        var text = ""
        for line in lines { text += "\(stamp) [\(functionName)] \(line)\n" }
        let bytes = Data(text.utf8)
        file.withLock { handle in
            try? handle?.write(contentsOf: bytes)
            if echo { FileHandle.standardOutput.write(bytes) }
        }
    }

    func close() {
        file.withLock { handle in
            try? handle?.close()
            handle = nil
        }
    }

    /// UTC time with milliseconds, as CloudWatch prints it.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, now.tv_nsec / 1_000_000)
    }
}
