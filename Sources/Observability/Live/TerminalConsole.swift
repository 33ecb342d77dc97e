#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Owns an output (standard output, in `queuelab start`) shared by function logs and the live
/// status block, so that neither tears the other. On a terminal the block stays below the logs:
/// `log` erases it, writes the log lines where it was and draws it again below them, and `show`
/// redraws it in place. Elsewhere (a pipe, a file, `TERM=dumb`) nothing is redrawn and no escape
/// code is written: logs pass through as they are, and `show` appends its lines.
///
/// Every call is one whole `write(2)` made under a lock, so lines written from many threads (the
/// function logs write synchronously from their environments' threads) never interleave; with no
/// block shown, `log` costs what a plain write does.
public final class TerminalConsole: Sendable {
    /// The process's standard output; function logs echo through it (`echoSink`) so that a status
    /// display drawn on it later keeps below them.
    public static let standardOutput = TerminalConsole(descriptor: STDOUT_FILENO)

    /// The block is redrawn in place: the output is a terminal (and `TERM` is not `dumb`).
    public let isTerminal: Bool
    /// Colour is wanted: a terminal, and no `NO_COLOR` (any non-empty value, as no-color.org says).
    public let usesColour: Bool

    private let output: OutputDescriptor
    private let environment: [String: String]
    /// The block on screen, as written, and its height in lines; nothing once the status has ended.
    private let block = Mutex<(bytes: [UInt8], lines: Int)>(([], 0))

    /// - Parameter environment: read for `TERM`, `NO_COLOR`, and `COLUMNS`/`LINES` when the
    ///   terminal does not tell its size.
    public init(descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        output = OutputDescriptor(rawValue: descriptor)
        self.environment = environment
        isTerminal = output.isTerminal && environment["TERM"] != "dumb"
        usesColour = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// For `FunctionHostConfiguration.echoSink`: each call is `log` of whole lines.
    public var echoSink: @Sendable ([UInt8]) -> Void {
        { [self] bytes in log(bytes) }
    }

    /// The terminal's size: its own (TIOCGWINSZ), else `COLUMNS` and `LINES`, else 80 × 24.
    public func size() -> (columns: Int, rows: Int) {
        if let size = output.windowSize() {
            return (size.columns, size.rows > 0 ? size.rows : Self.number(environment["LINES"]) ?? 24)
        }
        return (Self.number(environment["COLUMNS"]) ?? 80, Self.number(environment["LINES"]) ?? 24)
    }

    /// Writes log output above the status block. On a terminal with a block shown, output that
    /// does not end a line gets a newline, so the block starts on a line of its own.
    public func log(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        block.withLock { block in
            guard block.lines > 0 else {
                output.writeAll(bytes)
                return
            }
            var frame = TerminalControl.startOfBlock(lines: block.lines) + TerminalControl.eraseToEndOfScreen
            frame += bytes
            if bytes.last != UInt8(ascii: "\n") { frame.append(UInt8(ascii: "\n")) }
            frame += block.bytes
            output.writeAll(frame)
        }
    }

    /// `log` of lines, each ended by a newline.
    public func log(lines: [String]) {
        log(Self.encode(lines, lineEnd: []))
    }

    /// Replaces the status block with `statusLines` on a terminal, where each must fit its width
    /// (`StatusBoard` sees to it); elsewhere writes them after what came before.
    public func show(_ statusLines: [String]) {
        guard isTerminal else {
            output.writeAll(Self.encode(statusLines, lineEnd: []))
            return
        }
        let drawn = Self.encode(statusLines, lineEnd: TerminalControl.eraseToEndOfLine)
        block.withLock { block in
            var frame = block.lines > 0 ? TerminalControl.startOfBlock(lines: block.lines) : []
            frame += drawn
            frame += TerminalControl.eraseToEndOfScreen
            output.writeAll(frame)
            block = (drawn, statusLines.count)
        }
    }

    /// Leaves the last block where it is, as ordinary output, and draws no more: what is written
    /// next goes below it. The block's last line ended with a newline, so the cursor is already at
    /// the start of a fresh line.
    public func endStatus() {
        block.withLock { $0 = ([], 0) }
    }

    private static func encode(_ lines: [String], lineEnd: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + lineEnd.count + 1 })
        for line in lines {
            bytes += line.utf8
            bytes += lineEnd
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    private static func number(_ text: String?) -> Int? {
        guard let text, let value = Int(text), value > 0 else { return nil }
        return value
    }
}
