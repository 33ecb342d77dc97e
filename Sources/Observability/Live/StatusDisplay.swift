import ServiceLifecycle

/// The live status of `queuelab start`, as a service of its ServiceGroup.
///
/// It draws each snapshot it is given on a `TerminalConsole`: on a terminal, the status block is
/// redrawn in place at each snapshot (the monitor takes about 4 a second); elsewhere the plain
/// `StatusLine` is printed as `PlainStatusSchedule` says (at most every 5 s, when something
/// changed, at least every 30 s). When the snapshots end (the monitor finishes the stream) or on
/// graceful shutdown, whichever comes first, it prints the final status (the last snapshot, unless
/// it is already the last thing shown) and leaves it as ordinary output, the cursor at the start
/// of a fresh line.
///
/// Snapshots come as an `AsyncStream`, so a slow terminal never holds up the monitor: make it with
/// `.bufferingNewest(1)` and only the newest snapshot waits to be drawn. The stream is the
/// display's alone (an `AsyncStream` has one reader); the monitor yields each snapshot to it and
/// to `MetricsPublisher.publish(_:)`, and finishes it when it stops.
///
///     let (snapshots, feed) = AsyncStream.makeStream(of: RuntimeSnapshot.self, bufferingPolicy: .bufferingNewest(1))
///     let display = StatusDisplay(snapshots: snapshots)   // on TerminalConsole.standardOutput
///     // monitor: feed.yield(snapshot) after each snapshot, feed.finish() when it stops
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
        for await snapshot in snapshots.cancelOnGracefulShutdown() {
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
