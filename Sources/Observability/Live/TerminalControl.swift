/// The few control sequences (ECMA-48, "ANSI") that redraw the status block in place. Rainbow
/// only styles text (SGR codes) and has no cursor control; these three sequences are understood
/// alike by every terminal in use (xterm and its descendants, VTE, iTerm2, Windows Terminal, the
/// Linux console), so they are written here rather than looked up in terminfo. They are only ever
/// sent to a terminal: `TerminalConsole` sends none to a pipe or a file.
enum TerminalControl {
    private static let controlSequenceIntroducer: [UInt8] = [0x1B, UInt8(ascii: "[")]

    /// Back to column 0 of the line `lines` rows up (CUU, then a carriage return): the first line
    /// of a block of `lines` lines each ended by a newline, when the cursor is just below it.
    static func startOfBlock(lines: Int) -> [UInt8] {
        guard lines > 0 else { return [UInt8(ascii: "\r")] }
        return controlSequenceIntroducer + Array(String(lines).utf8) + [UInt8(ascii: "A"), UInt8(ascii: "\r")]
    }

    /// Erases the rest of the line (EL 0): a redrawn line shorter than the one it replaces leaves
    /// none of it behind, without blanking the whole block first (which would flicker).
    static let eraseToEndOfLine: [UInt8] = controlSequenceIntroducer + [UInt8(ascii: "K")]

    /// Erases everything below the cursor (ED 0): the lines of the previous block that the new one
    /// does not cover, or the whole block before log lines are written in its place.
    static let eraseToEndOfScreen: [UInt8] = controlSequenceIntroducer + [UInt8(ascii: "J")]
}
