import Foundation
import StrictJSON

/// Sets keys of an integration.json's `queueConfig` and touches nothing else in the file: the
/// object's text is replaced in place, in the file's own indentation, so that a reviewer's diff
/// shows only the queueConfig lines (`queuelab tune --apply`).
public struct QueueConfigEditor: Sendable {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// The file with `values` set in `queueConfig` (added when the file has none), its other keys kept.
    public func setting(_ values: [String: Int]) throws(ManifestError) -> String {
        let bytes = Array(text.utf8)
        guard case .object(let members) = try? JSONParser.parse(bytes) else {
            throw ManifestError(.invalidDefinitions, "the definition is not a JSON object")
        }
        let span = Self.topLevelValueSpan(of: "queueConfig", in: bytes)
        var queueConfig: [(String, JSONValue)] = []
        if case .object(let existing) = members["queueConfig"], let span {
            queueConfig = Self.inFileOrder(existing, in: Array(bytes[span.valueStart..<span.valueEnd]))
        }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            if let index = queueConfig.firstIndex(where: { $0.0 == key }) {
                queueConfig[index].1 = .integer(value)
            } else {
                queueConfig.append((key, .integer(value)))
            }
        }
        if let span {
            let indent = Self.indentation(ofLineAt: span.keyStart, in: bytes)
            let rendered = Self.render(queueConfig, indent: indent)
            return String(decoding: bytes[..<span.valueStart], as: UTF8.self) + rendered + String(decoding: bytes[span.valueEnd...], as: UTF8.self)
        }
        guard let close = bytes.lastIndex(of: UInt8(ascii: "}")) else { return text }
        var before = bytes[..<close]
        while let last = before.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { before.removeLast() }
        let indent = "  "
        return String(decoding: before, as: UTF8.self) + ",\n\(indent)\"queueConfig\": " + Self.render(queueConfig, indent: indent) + "\n"
            + String(decoding: bytes[close...], as: UTF8.self)
    }

    /// `{ "key": value, … }` over several lines, one member each, as the seed files write it.
    public static func render(_ members: [(String, JSONValue)], indent: String) -> String {
        guard !members.isEmpty else { return "{}" }
        let lines = members.map { key, value in "\(indent)  \"\(key)\": \(value.compactText)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    }

    /// The members in the order `bytes` (the object's own text) writes them.
    static func inFileOrder(_ members: [String: JSONValue], in bytes: [UInt8]) -> [(String, JSONValue)] {
        let text = String(decoding: bytes, as: UTF8.self)
        return members.sorted { first, second in
            let a = text.range(of: "\"\(first.key)\"")?.lowerBound ?? text.endIndex
            let b = text.range(of: "\"\(second.key)\"")?.lowerBound ?? text.endIndex
            return a < b
        }.map { ($0.key, $0.value) }
    }

    /// Where the top-level member `key` starts, and where its value starts and ends.
    static func topLevelValueSpan(of key: String, in bytes: [UInt8]) -> (keyStart: Int, valueStart: Int, valueEnd: Int)? {
        var depth = 0
        var index = 0
        var pendingKey: (start: Int, name: String)?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                if depth == 1 { pendingKey = (start, String(decoding: bytes[(start + 1)..<min(index, bytes.count)], as: UTF8.self)) }
            case UInt8(ascii: ":") where depth == 1:
                if let pending = pendingKey, pending.name == key {
                    var valueStart = index + 1
                    while valueStart < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[valueStart]) {
                        valueStart += 1
                    }
                    guard let valueEnd = valueEnd(from: valueStart, in: bytes) else { return nil }
                    return (pending.start, valueStart, valueEnd)
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Just past the JSON value starting at `start` (an object, an array or a scalar).
    static func valueEnd(from start: Int, in bytes: [UInt8]) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
                if depth == 0 { return index + 1 }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
                if depth < 0 { return index }
            case UInt8(ascii: ","), UInt8(ascii: "\n"):
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return depth == 0 ? index : nil
    }

    static func indentation(ofLineAt position: Int, in bytes: [UInt8]) -> String {
        var lineStart = position
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        return String(decoding: bytes[lineStart..<position].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }, as: UTF8.self)
    }
}

extension JSONValue {
    /// The value as compact JSON text.
    var compactText: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
