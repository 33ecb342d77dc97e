import Foundation

/// What the queue worker (`examples/worker`, and its Python twin) writes to `WORKER_JOURNAL`: one
/// line per invocation, appended when it ends. Times are microseconds since the epoch.
struct JournalEntry: Decodable, Sendable {
    let requestId: String
    let start: Int64
    let end: Int64
    let messageIds: [String]
    let bodies: [String]
    let receiveCounts: [String]
    let groups: [String]
}

/// A line of `WORKER_STARTS`, appended when an invocation starts.
struct StartEntry: Decodable, Sendable {
    let requestId: String
    let start: Int64
    let messageIds: [String]
}

enum WorkerJournal {
    /// The entries of a journal file in the order they were written; none when it does not exist.
    /// Each line is written with one `write`, so lines never interleave.
    static func read<Entry: Decodable>(_ path: String, as type: Entry.Type = JournalEntry.self) throws -> [Entry] {
        try lines(path).map { try JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    /// Each line as a JSON object (for the Python twin's `event`).
    static func objects(_ path: String) throws -> [[String: Any]] {
        try lines(path).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }

    /// The lines written so far; a line still being written (a large one may land in pieces for
    /// a reader) is not one yet.
    private static func lines(_ path: String) throws -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path), let end = data.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        return String(decoding: data[...end], as: UTF8.self).split(separator: "\n")
    }

    /// The most invocations that ran at the same moment, from their start and end times (an
    /// invocation ending at the instant another starts does not overlap it).
    static func peakConcurrency(_ entries: [JournalEntry]) -> Int {
        let starts: [(time: Int64, change: Int)] = entries.map { ($0.start, 1) }
        let ends: [(time: Int64, change: Int)] = entries.map { ($0.end, -1) }
        let edges = (starts + ends).sorted { left, right in
            left.time < right.time || (left.time == right.time && left.change < right.change)
        }
        var running = 0
        var peak = 0
        for (_, change) in edges {
            running += change
            peak = max(peak, running)
        }
        return peak
    }
}
