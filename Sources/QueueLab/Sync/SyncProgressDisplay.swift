import CRMSync
import Observability

/// Shows a running sync's Processes: on a terminal, a block redrawn in place at every reading; on a
/// pipe, the rows at most every `plainInterval` and only when a count moved, so that a CI log gets
/// a line per few seconds of progress and none while nothing happens.
public actor SyncProgressDisplay {
    private let console: TerminalConsole
    private var lastPlain: (at: ContinuousClock.Instant, counts: [Int])?

    static let plainInterval = Duration.seconds(5)

    public init(console: TerminalConsole = .standardOutput) {
        self.console = console
    }

    public func show(_ progress: SyncProgress) {
        let lines = SyncProgressText.lines(progress.processes, now: .now)
            + ["queue: \(progress.queue.visible) visible, \(progress.queue.inFlight) in flight, \(progress.queue.delayed) delayed"]
        guard !console.isTerminal else {
            console.show(lines)
            return
        }
        let counts = progress.processes.flatMap {
            [$0.results.totalSynced, $0.results.totalFailed, ProcessState.allCases.firstIndex(of: $0.state) ?? 0]
        }
            + [progress.queue.visible, progress.queue.inFlight]
        let now = ContinuousClock.now
        if let lastPlain, now - lastPlain.at < Self.plainInterval || lastPlain.counts == counts { return }
        lastPlain = (now, counts)
        console.log(lines: lines)
    }

    /// Leaves the last block on screen; what follows is printed below it.
    public func end() {
        console.endStatus()
    }
}
