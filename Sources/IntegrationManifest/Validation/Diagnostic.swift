import StrictJSON

/// One finding about a definition: where it is, what is wrong, and whether it blocks generation.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public let code: DiagnosticCode
    /// The definition file relative to the package root, e.g. `functions/pipedrive/integration.json`.
    public let file: String
    /// Where in the file, e.g. `queueConfig.maxWorkers`, or `nil` for the file as a whole.
    public let path: JSONPath?
    public let message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, file: String, path: JSONPath?, message: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`, the form every error and warning is printed in.
    public var description: String {
        guard let path, !path.isRoot else { return "\(file): \(message)" }
        return "\(file): \(path): \(message)"
    }
}
