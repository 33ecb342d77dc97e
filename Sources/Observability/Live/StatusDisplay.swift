import ServiceLifecycle

/// The live status of `queuelab start`, one of the runtime monitor's consumers.
///
/// It draws each snapshot it is given on a `TerminalConsole`: on a terminal, the status block is
/// redrawn in place at each snapshot (the monitor takes about 4 a second); elsewhere the plain
/// `StatusLine` is printed as `PlainStatusSchedule` says (at most every 5 s, when something
/// changed, at least every 30 s). When the snapshots end (the monitor finishes the stream after its
/// last snapshot) or its task is cancelled, it prints the final status (the last snapshot, unless
/// it is already the last thing shown) and leaves it as ordinary output, the cursor at the start
/// of a fresh line.
///
/// Snapshots come as an `AsyncStream` (`RuntimeMonitor.snapshots()`, which keeps only the newest
/// waiting), so a slow terminal never holds up the monitor.
public struct StatusDisplay: Service {
    private let snapshots: AsyncStream<RuntimeSnapshot>
    private let console: TerminalConsole

    /// - Parameter console: where to draw; the one function logs echo through, so they stay above
    ///   the block (`TerminalConsole.standardOutput` and its `echoSink`).
    public init(snapshots: AsyncStream<RuntimeSnapshot>, console: TerminalConsole = .standardOutput) {
        self.snapshots = snapshots
        self.console = console
    }

    public func run() async {
        var unshown: RuntimeSnapshot?
        var schedule = PlainStatusSchedule()
        for await snapshot in snapshots {
            unshown = snapshot
            if console.isTerminal || schedule.shouldPrint(StatusActivity(snapshot), at: .now) {
                show(snapshot)
                unshown = nil
            }
        }
        // The final status, unless it is already the last thing shown.
        if let unshown { show(unshown) }
        console.endStatus()
    }

    private func show(_ snapshot: RuntimeSnapshot) {
        console.show(console.isTerminal ? board().lines(for: snapshot) : [StatusLine.text(for: snapshot)])
    }

    /// Fitted to the terminal as it is now (it may have been resized), one row short of its height
    /// so the block and the cursor's line below it fit on screen.
    private func board() -> StatusBoard {
        let size = console.size()
        return StatusBoard(width: size.columns, height: max(1, size.rows - 1), colour: console.usesColour)
    }
}
