/// The live status block drawn below the scrolling logs while `queuelab start` runs on a
/// terminal: a summary line, a table of functions and a table of queues. Pure: a snapshot, the
/// terminal's size and whether to colour give the lines, tested without a terminal.
///
/// No line is wider than `width` (columns of low priority are dropped and names cut with `…`),
/// and there are at most `height` lines, so the block never wraps or scrolls out of the reach of
/// the cursor movements that redraw it.
public struct StatusBoard: Sendable {
    /// Columns available.
    public var width: Int
    /// Lines available; `nil` for as many as the snapshot needs.
    public var height: Int?
    /// Colour through Rainbow; off, the lines hold no escape byte.
    public var colour: Bool

    public init(width: Int, height: Int? = nil, colour: Bool) {
        self.width = width
        self.height = height
        self.colour = colour
    }

    public func lines(for snapshot: RuntimeSnapshot) -> [String] {
        styledLines(for: snapshot).map { $0.rendered(colour: colour) }
    }

    func styledLines(for snapshot: RuntimeSnapshot) -> [StyledLine] {
        var lines = [summary(snapshot).clipped(to: width)]
        if !snapshot.functions.isEmpty {
            lines += Self.functionTable.lines(for: snapshot.functions, width: width)
        }
        if !snapshot.queues.isEmpty {
            lines += Self.queueTable.lines(for: snapshot.queues, width: width)
        }
        guard let height, lines.count > max(1, height) else { return lines }
        guard height > 1 else { return [lines[0]] }
        var note = StyledLine()
        note.append("… \(lines.count - height + 1) more lines: enlarge the terminal to see them", .dim)
        return Array(lines.prefix(height - 1)) + [note.clipped(to: width)]
    }

    private func summary(_ snapshot: RuntimeSnapshot) -> StyledLine {
        var line = StyledLine()
        line.append("queuelab", .heading)
        line.append("  up " + StatusFormat.age(snapshot.uptime), .dim)
        if snapshot.functions.isEmpty && snapshot.queues.isEmpty {
            line.append("  no functions or queues yet", .dim)
            return line
        }
        let running = snapshot.functions.reduce(0) { $0 + $1.concurrentExecutions }
        let visible = snapshot.queues.reduce(0) { $0 + $1.visible }
        line.append("  \(running) running, \(visible) messages waiting")
        return line
    }
}
