/// Why a filter pattern is refused, with the pattern's position and the rule.
public struct FilterPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let message: String
    public var description: String { "filter \(index): \(message)" }
}
