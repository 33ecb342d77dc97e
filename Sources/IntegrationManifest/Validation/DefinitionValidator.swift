/// Validates a set of definitions: each file on its own, then the names across all of them.
public struct DefinitionValidator {
    public init() {}

    public func validate(_ sources: [DefinitionSource]) -> ValidationReport {
        var definitions: [IntegrationDefinition] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            let nameDiagnostics = IntegrationNameRules.diagnostics(name: source.name, file: source.file)
            var decoder = DefinitionDecoder(name: source.name, file: source.file)
            let definition = decoder.decode(source.bytes)
            diagnostics += nameDiagnostics + decoder.diagnostics
            if let definition, nameDiagnostics.isEmpty {
                definitions.append(definition)
            }
        }
        diagnostics += IntegrationNameRules.collisions(among: definitions)
        return ValidationReport(definitions: definitions, diagnostics: diagnostics)
    }
}
