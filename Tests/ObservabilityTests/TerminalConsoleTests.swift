#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import Observability

@Suite struct TerminalConsoleTests {
    @Test func keepsTheStatusBlockBelowTheLogsAndRedrawsItInPlace() throws {
        let pty = try PseudoTerminal(columns: 100, rows: 30)
        let console = TerminalConsole(descriptor: pty.terminal, environment: ["TERM": "xterm"])
        #expect(console.isTerminal)
        #expect(console.usesColour)
        #expect(console.size().columns == 100 && console.size().rows == 30)

        console.show(["status A1", "status A2 is longer", "status A3"])
        console.log(lines: ["log one"])
        console.show(["status B1", "status B2"])
        console.log(Array("log two\nlog three".utf8))
        console.show(["status C1", "status C2 x", "status C3"])
        console.endStatus()
        console.log(lines: ["after the status"])
        let output = pty.closeAndReadAll()

        let screen = try ScreenModel(output)
        #expect(screen.text == ["log one", "log two", "log three", "status C1", "status C2 x", "status C3", "after the status", ""])
        #expect(screen.row == screen.lines.count - 1 && screen.column == 0)
        // The 3-line block is erased (up 3, erase below) before "log one"; the 2-line one before the next log.
        #expect(output.contains("\u{1B}[3A\r\u{1B}[Jlog one"))
        #expect(output.contains("\u{1B}[2A\r\u{1B}[Jlog two"))
        #expect(output.hasSuffix("after the status\r\n"))
    }

    @Test func withoutAStatusLogsPassThroughUntouched() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let console = TerminalConsole(descriptor: pty.terminal, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(!console.usesColour)
        console.log(lines: ["one", "two"])
        #expect(pty.closeAndReadAll() == "one\r\ntwo\r\n")
    }

    @Test func aPipeIsNoTerminalAndTakesItsSizeFromTheEnvironment() throws {
        let pipe = try PipePair()
        defer { pipe.close() }
        let console = TerminalConsole(descriptor: pipe.writer, environment: ["TERM": "xterm", "COLUMNS": "42", "LINES": "7"])
        #expect(!console.isTerminal && !console.usesColour)
        #expect(console.size().columns == 42 && console.size().rows == 7)
        let fallback = TerminalConsole(descriptor: pipe.writer, environment: [:]).size()
        #expect(fallback.columns == 80 && fallback.rows == 24)
    }

    @Test func aDumbTerminalGetsNoCursorMovement() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let console = TerminalConsole(descriptor: pty.terminal, environment: ["TERM": "dumb"])
        #expect(!console.isTerminal)
        console.show(["status"])
        console.show(["status again"])
        #expect(pty.closeAndReadAll() == "status\r\nstatus again\r\n")
    }
}
