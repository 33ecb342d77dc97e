/// A strict RFC 8259 parser whose errors carry a line and column.
///
/// Foundation's parser on Linux reports only a character offset (or nothing) and accepts trailing
/// commas, so definitions are parsed here; duplicate keys are rejected because only one would win.
/// SQS requests use it too: it is several times cheaper per request than `JSONSerialization` and
/// the `Any` casts its result needs.
public struct JSONParser {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.offset < parser.bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the top-level value")
        }
        return value
    }

    /// Deeper nesting than any definition needs is treated as an error rather than risking the stack.
    private static let maximumDepth = 256

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        guard let byte = current else { throw error("unexpected end of file; expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", as: .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", as: .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", as: .null)
        default: throw error("unexpected \(describeCurrent()); expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        offset += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()); expected a quoted key")
            }
            let keyOffset = offset
            let key = try parseString()
            if members[key] != nil {
                throw error("duplicate key \"\(key)\"", at: keyOffset)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()); expected ':' after key \"\(key)\"")
            }
            offset += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
            case UInt8(ascii: "}"):
                offset += 1
                return .object(members)
            default:
                throw error("unexpected \(describeCurrent()); expected ',' or '}' after the value of \"\(key)\"")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            case UInt8(ascii: "]"):
                offset += 1
                return .array(elements)
            default:
                throw error("unexpected \(describeCurrent()); expected ',' or ']' in an array")
            }
        }
    }

    /// Escape-free strings are one validated copy of their bytes; with escapes, the raw runs and the
    /// unescaped characters are gathered as UTF-8 and validated once.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        offset += 1
        let start = offset
        var unescaped: [UInt8]?
        var runStart = offset
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                let string: String?
                if unescaped != nil {
                    unescaped!.append(contentsOf: bytes[runStart..<offset])
                    string = String(validating: unescaped!, as: UTF8.self)
                } else {
                    string = String(validating: bytes[start..<offset], as: UTF8.self)
                }
                guard let string else { throw malformedUTF8(in: start..<offset) }
                offset += 1
                return string
            case UInt8(ascii: "\\"):
                if unescaped == nil { unescaped = [] }
                unescaped!.append(contentsOf: bytes[runStart..<offset])
                offset += 1
                unescaped!.append(contentsOf: String(try parseEscape()).utf8)
                runStart = offset
            case 0..<0x20:
                throw error("control character in a string; escape it")
            default:
                offset += 1
            }
        }
        throw error("unexpected end of file inside a string")
    }

    /// Locates the first byte of `range` that is not UTF-8. Escapes are ASCII, so the raw bytes
    /// tell where the string went wrong.
    private func malformedUTF8(in range: Range<Int>) -> JSONSyntaxError {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes[range].makeIterator()
        var position = range.lowerBound
        while case .valid(let scalar) = parser.parseScalar(from: &input) { position += scalar.count }
        return error("malformed UTF-8 in a string", at: position)
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeStart = offset - 1
        guard let byte = current else { throw error("unexpected end of file inside a string") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHexQuad()
            guard (0xD800...0xDBFF).contains(high) else {
                guard let scalar = Unicode.Scalar(high) else { throw error("lone low surrogate in \\u escape", at: escapeStart) }
                return scalar
            }
            let lowStart = offset
            guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw error("high surrogate not followed by a low surrogate", at: escapeStart)
            }
            offset += 2
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape", at: lowStart) }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        default:
            throw error("invalid escape '\\\(describe(at: offset - 1))'", at: escapeStart)
        }
    }

    private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexDigitValue(byte) else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = offset
        var isInteger = true
        if current == UInt8(ascii: "-") { offset += 1 }
        if current == UInt8(ascii: "0") {
            offset += 1
            if let byte = current, isDigit(byte) { throw error("leading zero in a number") }
        } else {
            try consumeDigits(after: "a minus sign")
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try consumeDigits(after: "a decimal point")
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            try consumeDigits(after: "an exponent")
        }
        let literal = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let value = Int(literal) { return .integer(value) }
        return .number(Double(literal)!)
    }

    private mutating func consumeDigits(after context: String) throws(JSONSyntaxError) {
        guard let byte = current, isDigit(byte) else { throw error("expected a digit after \(context)") }
        while let byte = current, isDigit(byte) { offset += 1 }
    }

    private mutating func parseLiteral(_ literal: String, as value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for expected in literal.utf8 {
            guard current == expected else {
                throw error("unexpected \(describeCurrent()); expected \(literal)")
            }
            offset += 1
        }
        return value
    }

    private mutating func skipWhitespace() {
        while let byte = current,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            offset += 1
        }
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func peek(_ distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func describeCurrent() -> String {
        offset < bytes.count ? "'\(describe(at: offset))'" : "end of file"
    }

    /// The character starting at `position`, whole even when it takes several bytes.
    private func describe(at position: Int) -> String {
        let byte = bytes[position]
        if byte < 0x20 {
            let hex = String(byte, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        guard byte >= 0x80 else { return String(UnicodeScalar(byte)) }
        let end = bytes[(position + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    private func error(_ reason: String) -> JSONSyntaxError {
        error(reason, at: offset)
    }

    private func error(_ reason: String, at errorOffset: Int) -> JSONSyntaxError {
        let position = TextPosition(of: errorOffset, in: bytes)
        return JSONSyntaxError(line: position.line, column: position.column, reason: reason)
    }
}
