#if canImport(Glibc)
import Glibc
#endif

/// A pipe whose write end a console writes to, as when standard output is piped.
final class PipePair {
    let reader: Int32
    let writer: Int32
    private var writerOpen = true

    init() throws {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw SystemCallFailed(call: "pipe", errno: errno) }
        reader = descriptors[0]
        writer = descriptors[1]
    }

    /// Closes the write end and reads all that was written.
    func closeWriterAndReadAll() -> String {
        Glibc.close(writer)
        writerOpen = false
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(reader, &buffer, buffer.count)
            if count > 0 {
                output += buffer[..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    func close() {
        if writerOpen { Glibc.close(writer) }
        Glibc.close(reader)
    }
}
