/// What validation found: the definitions that passed and every error and warning.
public struct ValidationReport: Sendable {
    public let definitions: [IntegrationDefinition]
    public let diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
