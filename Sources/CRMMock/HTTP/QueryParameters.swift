import Foundation

/// A request's query (`a=1&b=x%20y`): percent-decoded names and values, the first of each name.
/// A `+` stays a plus, as RFC 3986 reads it (URLComponents does not encode it, and timestamps
/// such as `+00:00` must survive).
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    init(_ query: Substring?) {
        guard let query else { return }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = String(parts[0]).removingPercentEncoding, values[name] == nil else { continue }
            values[name] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A whole number in `range`, `defaultValue` when absent; values above the range are clamped to
    /// its top, as the real APIs clamp page sizes.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(MockAPIError) -> Int {
        guard let text = values[name] else { return defaultValue }
        guard let value = Int(text), value >= range.lowerBound else {
            throw .badRequest("\(name) must be a whole number of at least \(range.lowerBound), not '\(text)'")
        }
        return min(value, range.upperBound)
    }

    /// An ISO 8601 time (see `Timestamp(parsing:)`), nil when absent.
    func timestamp(_ name: String) throws(MockAPIError) -> Timestamp? {
        guard let text = values[name] else { return nil }
        guard let timestamp = Timestamp(parsing: text) else {
            throw .badRequest("\(name) must be an ISO 8601 time such as 2025-06-01T12:00:00Z, not '\(text)'")
        }
        return timestamp
    }

    /// A comma-separated list, nil when absent.
    func list(_ name: String) -> [String]? {
        values[name].map { $0.split(separator: ",").map(String.init) }
    }
}
