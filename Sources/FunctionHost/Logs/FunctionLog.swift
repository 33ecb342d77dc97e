import Foundation
import Synchronization

/// One function's log: every line goes to `<state>/logs/<function>.log` and, when asked, to an
/// echo sink (the terminal), prefixed with a timestamp and the function name.
///
/// Writes are synchronous under a lock (not an actor hop) so that handler output, START, END
/// and REPORT lines keep the order in which the environment saw them; each call is one
/// `write(2)` to the file.
final class FunctionLog: Sendable {
    let functionName: String
    private let descriptor: Mutex<Int32>
    private let echo: (@Sendable ([UInt8]) -> Void)?

    init(functionName: String, directory: String, echo: (@Sendable ([UInt8]) -> Void)?) throws(FunctionHostError) {
        self.functionName = functionName
        self.echo = echo
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateStateDirectory(directory)
        }
        descriptor = Mutex(open(directory + "/" + functionName + ".log", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644))
    }

    /// Writes lines as CloudWatch shows them, e.g. `START RequestId: … Version: $LATEST`.
    func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        let prefix = Self.timestamp() + " [" + functionName + "] "
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + prefix.utf8.count + $1.utf8.count + 1 })
        for line in lines {
            bytes += prefix.utf8
            bytes += line.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        descriptor.withLock { descriptor in
            if descriptor >= 0 { Self.writeAll(bytes, to: descriptor) }
            echo?(bytes)
        }
    }

    func close() {
        descriptor.withLock { descriptor in
            if descriptor >= 0 { Glibc.close(descriptor) }
            descriptor = -1
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// UTC time with milliseconds, as CloudWatch prints it: `2024-05-01T12:34:56.789Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        let fields: [(value: Int, digits: Int, separator: UInt8)] = [
            (Int(parts.tm_year) + 1900, 4, UInt8(ascii: "-")), (Int(parts.tm_mon) + 1, 2, UInt8(ascii: "-")),
            (Int(parts.tm_mday), 2, UInt8(ascii: "T")), (Int(parts.tm_hour), 2, UInt8(ascii: ":")),
            (Int(parts.tm_min), 2, UInt8(ascii: ":")), (Int(parts.tm_sec), 2, UInt8(ascii: ".")),
            (now.tv_nsec / 1_000_000, 3, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var end = 0
            for field in fields {
                var value = field.value
                for position in stride(from: end + field.digits - 1, through: end, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                buffer[end + field.digits] = field.separator
                end += field.digits + 1
            }
            return end
        }
    }
}
