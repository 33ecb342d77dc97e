import Primitives

/// Why `queuelab tune` refused to start.
public typealias TuneError = CodedError<TuneErrorCode>

/// The codes of `TuneError`.
public enum TuneErrorCode: String, ErrorCode {
    case invalidVariation = "InvalidVariation"
    case invalidGoal = "InvalidGoal"
    case nothingToCompare = "NothingToCompare"
    case applyFailed = "ApplyFailed"

    public static let descriptionNamesCode = false
}
