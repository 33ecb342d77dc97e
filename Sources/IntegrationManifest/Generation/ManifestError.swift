/// Why `generate` wrote nothing, or why `--check` failed.
public struct ManifestError: Error, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A definition has errors (or warnings, with `--strict`); see `diagnostics`.
        case invalidDefinitions = "invalid-definitions"
        /// The manifest on disk differs from what the definitions produce.
        case outOfDate = "out-of-date"
        case renderingFailed = "rendering-failed"
        case writeFailed = "write-failed"
    }

    public let code: Code
    public let message: String
    /// The findings behind `invalidDefinitions`, each printable on its own line.
    public let diagnostics: [Diagnostic]

    public init(_ code: Code, _ message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { message }
}
