#if canImport(Glibc)
import Glibc
#endif

/// A real pseudo-terminal pair: the code under test writes to `terminal` (a tty with a window
/// size, as a terminal emulator gives a shell), and the test reads from the controlling side what
/// the emulator would receive. The tty turns each `\n` into `\r\n` (ONLCR), as a real one does.
final class PseudoTerminal {
    let terminal: Int32
    private let controller: Int32

    init(columns: Int, rows: Int) throws {
        var controller: Int32 = -1
        var terminal: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &terminal, nil, nil, &size) == 0 else { throw SystemCallFailed(call: "openpty", errno: errno) }
        self.controller = controller
        self.terminal = terminal
    }

    /// What has arrived on the controlling side so far, without waiting.
    func received() -> String {
        drain(blocking: false)
        return String(decoding: output, as: UTF8.self)
    }

    /// Closes the terminal side, then reads all that was written to it (the kernel hands over
    /// what is still buffered before it reports the other side closed).
    func closeAndReadAll() -> String {
        close(terminal)
        drain(blocking: true)
        close(controller)
        return String(decoding: output, as: UTF8.self)
    }

    private var output: [UInt8] = []

    private func drain(blocking: Bool) {
        let flags = fcntl(controller, F_GETFL)
        _ = fcntl(controller, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(controller, &buffer, buffer.count)
            if count > 0 {
                output += buffer[..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// A system call a test support type made failed.
struct SystemCallFailed: Error {
    let call: String
    let errno: Int32
}
