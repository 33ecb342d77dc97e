/// Why an inspecting command (`queuelab report`, `queuelab dlq`) cannot read a state file. It
/// never creates or changes one.
public struct StateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case stateFileNotFound = "StateFileNotFound"
        case notAStateFile = "NotAStateFile"
        case stateFileOutdated = "StateFileOutdated"
        case noRunRecorded = "NoRunRecorded"
    }

    public let code: Code
    public let path: String

    public init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    public var message: String {
        switch code {
        case .stateFileNotFound: "No state file at \(path); `queuelab start --state \(path)` creates it."
        case .notAStateFile: "\(path) is not a QueueLab state file."
        case .stateFileOutdated: "\(path) was written by an older QueueLab; `queuelab start --state \(path)` brings it up to date."
        case .noRunRecorded: "\(path) has no run recorded; `queuelab start --state \(path)` records one."
        }
    }

    public var description: String { message }
}
