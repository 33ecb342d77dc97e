/// Why `queuelab tune` refused to start.
public struct TuneError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidVariation = "InvalidVariation"
        case invalidGoal = "InvalidGoal"
        case nothingToCompare = "NothingToCompare"
        case applyFailed = "ApplyFailed"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
