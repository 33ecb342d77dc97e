#if canImport(Glibc)
import Glibc
#endif

/// The file descriptor a `TerminalConsole` writes to: whole writes, and what it is connected to.
struct OutputDescriptor: Sendable {
    let rawValue: Int32

    /// Writes all of `bytes`, going on after a signal (EINTR) or a partial write; a descriptor that
    /// fails otherwise (closed, or a reader gone) drops the rest, as a log echo must never stop the
    /// runtime.
    func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(rawValue, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    var isTerminal: Bool {
        isatty(rawValue) == 1
    }

    /// Columns and rows of the terminal (TIOCGWINSZ); `nil` when it is not one or does not say.
    func windowSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
