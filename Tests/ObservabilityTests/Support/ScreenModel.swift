/// What a terminal shows after receiving some output: enough of a VT100 to check that the status
/// block is redrawn in place. It keeps every line ever written (no scrolling region) and
/// understands printable text, CR, LF, cursor up (CUU), erase in line (EL 0) and erase below (ED 0);
/// colour codes (SGR) are skipped; anything else fails the model so that a test notices.
struct ScreenModel {
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var lines: [[Character]] = [[]]
    private(set) var row = 0
    private(set) var column = 0

    init(_ output: String) throws {
        var characters = output.unicodeScalars.map(Character.init)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\r":
                column = 0
            case "\n":
                row += 1
                if row == lines.count { lines.append([]) }
            case "\u{1B}":
                try control(&characters)
            default:
                put(character)
            }
        }
    }

    /// The screen's text, line by line.
    var text: [String] {
        lines.map { String($0) }
    }

    private mutating func put(_ character: Character) {
        while lines[row].count < column { lines[row].append(" ") }
        if column < lines[row].count {
            lines[row][column] = character
        } else {
            lines[row].append(character)
        }
        column += 1
    }

    private mutating func control(_ characters: inout ArraySlice<Character>) throws {
        guard characters.popFirst() == "[" else { throw Unsupported(description: "ESC not followed by [") }
        var parameters = ""
        while let character = characters.popFirst() {
            if character.isNumber || character == ";" {
                parameters.append(character)
                continue
            }
            switch character {
            case "A":
                row = max(0, row - (Int(parameters) ?? 1))
            case "K":
                if column < lines[row].count { lines[row].removeSubrange(column...) }
            case "J":
                if column < lines[row].count { lines[row].removeSubrange(column...) }
                lines.removeSubrange((row + 1)...)
            case "m":
                break
            default:
                throw Unsupported(description: "ESC [\(parameters)\(character)")
            }
            return
        }
    }
}
