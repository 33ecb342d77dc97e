/// Turns a process's output bytes into complete lines, keeping an unfinished last line for later.
struct OutputLineSplitter: Sendable {
    private var partial: [UInt8] = []

    mutating func append(_ bytes: [UInt8]) -> [String] {
        partial += bytes
        guard let lastNewline = partial.lastIndex(of: 10) else { return [] }
        let complete = partial[..<lastNewline]
        partial.removeFirst(lastNewline + 1)
        return complete.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The unfinished line, once no more output will come.
    mutating func flush() -> [String] {
        defer { partial.removeAll() }
        return partial.isEmpty ? [] : [String(decoding: partial, as: UTF8.self)]
    }
}
