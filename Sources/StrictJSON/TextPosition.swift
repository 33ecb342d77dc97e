/// A 1-based line and column (counted in characters, not bytes) of a byte offset in UTF-8 text.
struct TextPosition: Equatable {
    let line: Int
    let column: Int

    init(of offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes belong to the character already counted.
                column += 1
            }
        }
        self.line = line
        self.column = column
    }
}
