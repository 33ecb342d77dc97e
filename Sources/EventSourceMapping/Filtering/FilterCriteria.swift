import StrictJSON

/// An event source mapping's `FilterCriteria`: AWS's event-filtering patterns, OR'ed. A message
/// that matches none of them is deleted without invoking the function.
public struct FilterCriteria: Sendable, Equatable {
    /// No filters: every message is delivered.
    public static let none = FilterCriteria(parsed: [])

    /// Lambda allows 5 filters per mapping by default and 10 with a quota increase; QueueLab
    /// grants the increase.
    public static let maximumFilterCount = 10
    /// `Filter.Pattern`'s length limit in the Lambda API model.
    static let maximumPatternLength = 4096

    private let patterns: [FilterPattern]
    /// Whether a pattern names `body`, so each message's body is parsed as JSON for the check.
    private let readsBody: Bool

    public var isEmpty: Bool { patterns.isEmpty }

    private init(parsed patterns: [FilterPattern]) {
        self.patterns = patterns
        readsBody = patterns.contains(where: \.readsBody)
    }

    /// Parses each pattern (a JSON string, as `FilterCriteria.Filters[].Pattern` carries it).
    public init(patterns: [String]) throws(FilterPatternError) {
        guard patterns.count <= Self.maximumFilterCount else {
            throw FilterPatternError(
                index: Self.maximumFilterCount,
                message: "Too many filters: \(patterns.count) given; an event source mapping takes at most "
                    + "\(Self.maximumFilterCount) (AWS allows 5 by default and 10 with a quota increase)."
            )
        }
        var parsed: [FilterPattern] = []
        for (index, pattern) in patterns.enumerated() {
            do {
                parsed.append(try FilterPattern(parsing: pattern))
            } catch {
                throw FilterPatternError(index: index, message: "Invalid filter pattern definition. \(error.reason)")
            }
        }
        self.init(parsed: parsed)
    }

    /// Whether the record matches at least one pattern. `record` is the message as filtering sees
    /// it: `{"body": <the body as sent>, "attributes": {…}, "messageAttributes": {…}}`.
    public func matches(_ record: JSONValue) -> Bool {
        guard !isEmpty else { return true }
        let message = FilteredMessage(record, parsingBody: readsBody)
        return patterns.contains { $0.matches(message) }
    }
}
