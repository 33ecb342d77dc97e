import Glibc

/// An environment's peak memory, read from a file kept open (a cgroup's peak counter, or the
/// process's `/proc/<pid>/status`): each REPORT line costs one `pread`, not an open and a close.
final class PeakMemoryGauge {
    enum Format {
        /// The whole file is a number of bytes.
        case bytes
        /// The `VmHWM:` line, in kilobytes.
        case highWaterMarkKilobytes
    }

    private let descriptor: Int32
    private let format: Format
    /// The process's peak as its reaper learnt it; `/proc/<pid>/status` is gone once it has ended.
    private var peakAtExit = 0

    init(path: String, format: Format) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        self.format = format
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Peak memory so far, in whole megabytes rounded up; 0 when it cannot be read.
    func megabytes() -> Int {
        let bytes = descriptor < 0 ? nil : withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> Int? in
            let count = pread(descriptor, buffer.baseAddress, buffer.count, 0)
            guard count > 0 else { return nil }
            return Self.parse(UnsafeBufferPointer(rebasing: buffer[..<count]), format)
        }
        return (max(bytes ?? 0, peakAtExit) + 1024 * 1024 - 1) / (1024 * 1024)
    }

    /// Keeps the peak of the process that has just ended.
    func processEnded(peakBytes: Int) {
        peakAtExit = max(peakAtExit, peakBytes)
    }

    static func parse(_ text: UnsafeBufferPointer<UInt8>, _ format: Format) -> Int? {
        switch format {
        case .bytes:
            return number(in: text[...])
        case .highWaterMarkKilobytes:
            let key = Array("VmHWM:".utf8)
            var lineStart = text.startIndex
            while lineStart < text.endIndex {
                let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
                let line = text[lineStart..<lineEnd]
                if line.starts(with: key) { return number(in: line.dropFirst(key.count)).map { $0 * 1024 } }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    /// The first run of decimal digits, skipping what precedes it.
    private static func number(in text: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let digits = text.drop { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            .prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !digits.isEmpty else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
