import Rainbow

/// One line of status text kept as plain segments with a tone each, so that widths are counted
/// and lines cut before any escape code exists; colour is added last, by `rendered(colour:)`.
///
/// Widths count characters: function and queue names are ASCII (Lambda and SQS allow letters,
/// digits, `-`, `_` and a `.fifo` suffix), and the board's own text is ASCII but for `…`, which
/// takes one column.
struct StyledLine: Equatable, Sendable {
    /// How a piece of text is emphasised; the colours are chosen in `rendered(colour:)` only.
    enum Tone: Equatable, Sendable {
        case plain, heading, dim, good, warning, bad
    }

    struct Segment: Equatable, Sendable {
        var text: String
        var tone: Tone
    }

    private(set) var segments: [Segment] = []

    var width: Int {
        segments.reduce(0) { $0 + $1.text.count }
    }

    var plainText: String {
        segments.map(\.text).joined()
    }

    mutating func append(_ text: String, _ tone: Tone = .plain) {
        guard !text.isEmpty else { return }
        segments.append(Segment(text: text, tone: tone))
    }

    /// The line cut to at most `width` columns, its last visible character replaced by `…` when cut.
    func clipped(to width: Int) -> StyledLine {
        guard self.width > width else { return self }
        var clipped = StyledLine()
        var room = max(0, width - 1)
        for segment in segments where room > 0 {
            let kept = String(segment.text.prefix(room))
            clipped.append(kept, segment.tone)
            room -= kept.count
        }
        if width > 0 { clipped.append("…", segments.last?.tone ?? .plain) }
        return clipped
    }

    /// The text with Rainbow's colours when `colour` is on; without it, not one escape byte.
    /// (Rainbow adds its codes only when it also sees a terminal on standard output and no
    /// `NO_COLOR`; with `colour` off it is not called at all.)
    func rendered(colour: Bool) -> String {
        guard colour else { return plainText }
        return segments.map { segment in
            switch segment.tone {
            case .plain: segment.text
            case .heading: segment.text.bold
            case .dim: segment.text.dim
            case .good: segment.text.green
            case .warning: segment.text.yellow
            case .bad: segment.text.red
            }
        }.joined()
    }

    /// `text` in at most `width` columns, its end replaced by `…` when it does not fit.
    static func truncated(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 0 else { return "" }
        return text.prefix(width - 1) + "…"
    }
}
