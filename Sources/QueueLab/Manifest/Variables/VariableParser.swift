import StrictJSON

/// Parses the variables of one manifest string (see `VariableString`).
struct VariableParser {
    private let scalars: [Unicode.Scalar]
    private var offset = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    private var current: Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }

    private func scalar(at position: Int) -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The whole string: text and variables.
    mutating func parseString() throws(VariableSyntaxError) -> [VariableString.Piece] {
        try parsePieces(until: [], trimmingTrailingSpace: false)
    }

    /// Text and variables up to one of `stops` (not consumed) or the end.
    private mutating func parsePieces(
        until stops: Set<Unicode.Scalar>, trimmingTrailingSpace: Bool
    ) throws(VariableSyntaxError) -> [VariableString.Piece] {
        var pieces: [VariableString.Piece] = []
        var literal = ""
        while let scalar = current, !stops.contains(scalar) {
            if scalar == "$", let variable = try parseVariableIfPresent() {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.variable(variable))
            } else {
                literal.unicodeScalars.append(scalar)
                offset += 1
            }
        }
        if trimmingTrailingSpace { literal = String(literal.reversed().drop(while: \.isWhitespace).reversed()) }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }

    /// At a `$`: the variable starting here, or `nil` (offset unchanged) when this is not one.
    private mutating func parseVariableIfPresent() throws(VariableSyntaxError) -> VariableString.Variable? {
        let start = offset
        guard scalar(at: start + 1) == "{", let first = scalar(at: start + 2), Self.isLowercaseLetter(first) else { return nil }
        var end = start + 2
        while let next = scalar(at: end), Self.isNameCharacter(next) { end += 1 }
        guard let separator = scalar(at: end), separator == ":" || separator == "(" else { return nil }
        offset = start + 2
        var sources = [try parseReference()]
        while true {
            skipSpaces()
            switch current {
            case "}":
                offset += 1
                return VariableString.Variable(sources: sources, written: text(start..<offset))
            case ",":
                offset += 1
                sources.append(try parseFallback())
            default:
                throw VariableSyntaxError(reason: "missing '}' after \(text(start..<min(offset, scalars.count)))")
            }
        }
    }

    /// `kind:address` or `kind(params)[:address]`, at the source name.
    private mutating func parseReference() throws(VariableSyntaxError) -> VariableString.Source {
        let nameStart = offset
        while let next = current, Self.isNameCharacter(next) { offset += 1 }
        let kind = text(nameStart..<offset)
        if current == "(" {
            try skipParameters()
            if current == ":" {
                offset += 1
                _ = try parseAddress()
            }
            return .call(kind: kind)
        }
        offset += 1  // the ':'
        return .reference(kind: kind, address: try parseAddress())
    }

    /// A fallback after a comma: a quoted string, a literal, a nested variable, or `kind:address`.
    private mutating func parseFallback() throws(VariableSyntaxError) -> VariableString.Source {
        skipSpaces()
        switch current {
        case "'", "\"":
            return .literal(.string(try parseQuoted()))
        case "$":
            guard let variable = try parseVariableIfPresent() else {
                throw VariableSyntaxError(reason: "a fallback starting with '$' must be a variable")
            }
            return .variable(variable)
        case nil:
            throw VariableSyntaxError(reason: "missing fallback and '}' after ','")
        default:
            let start = offset
            while let next = current, Self.isNameCharacter(next) || next == "-" { offset += 1 }
            if current == ":" || current == "(" {
                offset = start
                return try parseReference()
            }
            let token = text(start..<offset)
            skipSpaces()
            guard current == "," || current == "}", let literal = Self.literal(token) else {
                throw VariableSyntaxError(reason: "invalid fallback '\(text(start..<min(offset + 1, scalars.count)))'")
            }
            return .literal(literal)
        }
    }

    /// An address up to `,` or `}`, trimmed; quoted, or text with nested variables.
    private mutating func parseAddress() throws(VariableSyntaxError) -> [VariableString.Piece] {
        skipSpaces()
        if current == "'" || current == "\"" {
            let quoted = try parseQuoted()
            skipSpaces()
            return quoted.isEmpty ? [] : [.text(quoted)]
        }
        return try parsePieces(until: [",", "}"], trimmingTrailingSpace: true)
    }

    /// `'text'` as written, or `"text"` with JSON escapes.
    private mutating func parseQuoted() throws(VariableSyntaxError) -> String {
        guard let quote = current else { throw VariableSyntaxError(reason: "missing string") }
        let start = offset
        offset += 1
        while let scalar = current, scalar != quote {
            offset += scalar == "\\" && quote == "\"" ? 2 : 1
        }
        guard current == quote else { throw VariableSyntaxError(reason: "unterminated string \(text(start..<scalars.count))") }
        offset += 1
        if quote == "'" { return text(start + 1..<offset - 1) }
        guard case .string(let value)? = try? JSONParser.parse(Array(text(start..<offset).utf8)) else {
            throw VariableSyntaxError(reason: "invalid string \(text(start..<offset))")
        }
        return value
    }

    private mutating func skipParameters() throws(VariableSyntaxError) {
        var depth = 0
        while let scalar = current {
            offset += 1
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth == 0 { return }
            }
        }
        throw VariableSyntaxError(reason: "missing ')'")
    }

    private mutating func skipSpaces() {
        while current == " " { offset += 1 }
    }

    private static func literal(_ token: String) -> JSONValue? {
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            if let integer = Int(token) { return .integer(integer) }
            if let number = Double(token), number.isFinite { return .number(number) }
            return nil
        }
    }

    private static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar)
    }

    /// Source names and literals: letters, digits and dots, as the framework's parser reads them.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "."
    }
}
