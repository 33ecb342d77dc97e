import Testing
import TestSupport

@testable import Observability

@Suite struct StatusDisplayTests {
    private static var later: RuntimeSnapshot {
        var snapshot = Snapshots.busy
        snapshot.uptime = 66
        snapshot.functions[0].invocations = 1300
        snapshot.queues[0].visible = 90
        return snapshot
    }

    @Test func onATerminalRedrawsEachSnapshotInPlaceBelowTheLogs() async throws {
        let pty = try PseudoTerminal(columns: 100, rows: 30)
        let console = TerminalConsole(descriptor: pty.terminal, environment: ["TERM": "xterm"])
        let (snapshots, feed) = AsyncStream.makeStream(of: RuntimeSnapshot.self)
        await withDiscardingTaskGroup { group in
            group.addTask { await StatusDisplay(snapshots: snapshots, console: console).run() }
            feed.yield(Snapshots.busy)
            console.log(lines: ["first log line"])
            feed.yield(Self.later)
            console.log(lines: ["second log line"])
            feed.finish()
        }
        console.log(lines: ["after the display"])
        let output = pty.closeAndReadAll()

        let firstBlock = StatusBoard(width: 100, height: 29, colour: false).lines(for: Snapshots.busy)
        let finalBlock = StatusBoard(width: 100, height: 29, colour: false).lines(for: Self.later)
        let screen = try ScreenModel(output)
        #expect(screen.text == ["first log line", "second log line"] + finalBlock + ["after the display", ""])
        #expect(screen.row == screen.lines.count - 1 && screen.column == 0)
        // Both snapshots were drawn, the second over the first: up over its lines, then redrawn.
        #expect(output.contains("\u{1B}[\(firstBlock.count)A\r"))
        let plainOutput = StatusBoardTests.withoutControlSequences(output)
        #expect(plainOutput.contains(firstBlock[0]) && plainOutput.contains(finalBlock[0]))
    }

    @Test func whenStoppedLeavesTheLastStatusAndTheCursorOnAFreshLine() async throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let console = TerminalConsole(descriptor: pty.terminal, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        let (snapshots, feed) = AsyncStream.makeStream(of: RuntimeSnapshot.self)
        let block = StatusBoard(width: 80, height: 23, colour: false).lines(for: Snapshots.busy)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await StatusDisplay(snapshots: snapshots, console: console).run() }
            feed.yield(Snapshots.busy)
            try await waitUntil("the status is drawn") { pty.received().contains(block[block.count - 1]) }
            group.cancelAll()
        }
        let output = pty.closeAndReadAll()
        #expect(!output.contains("\u{1B}[0m") && !output.contains("\u{1B}[1m"))
        let screen = try ScreenModel(output)
        #expect(screen.text == block + [""])
        #expect(screen.column == 0)
    }

    @Test func elsewherePrintsPlainLinesWithoutEscapeCodes() async throws {
        let pipe = try PipePair()
        defer { pipe.close() }
        let console = TerminalConsole(descriptor: pipe.writer, environment: ["TERM": "xterm"])
        let (snapshots, feed) = AsyncStream.makeStream(of: RuntimeSnapshot.self)
        console.log(lines: ["a log line"])
        feed.yield(Snapshots.busy)
        feed.yield(Self.later)
        feed.finish()
        await StatusDisplay(snapshots: snapshots, console: console).run()
        let output = pipe.closeWriterAndReadAll()

        #expect(!output.utf8.contains(0x1B))
        #expect(output.hasSuffix("\n"))
        let lines = output.split(separator: "\n").map(String.init)
        let first = StatusLine.text(for: Snapshots.busy)
        let last = StatusLine.text(for: Self.later)
        // The first status at once; the later one within 5 s is held back, then printed as the final one.
        #expect(lines.first == "a log line")
        #expect(lines.dropFirst().first == first)
        #expect(lines.last == last)
        #expect(lines.dropFirst().allSatisfy { $0 == first || $0 == last })
    }
}
