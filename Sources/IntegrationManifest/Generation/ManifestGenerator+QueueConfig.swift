import Foundation
import StrictJSON

extension ManifestGenerator {
    /// The integration's `queueConfig` with `values` set, as the lines to paste into its
    /// integration.json: `"queueConfig": { … }`.
    public func queueConfigSnippet(integration: String, values: [String: Int]) throws(ManifestError) -> String {
        let updated = Array(try QueueConfigEditor(text: try definitionText(integration)).setting(values).utf8)
        guard case .object(let members) = try? JSONParser.parse(updated), case .object(let queueConfig) = members["queueConfig"],
            let span = QueueConfigEditor.topLevelValueSpan(of: "queueConfig", in: updated)
        else { throw ManifestError(.invalidDefinitions, "\(definitionPath(integration)) has no queueConfig object") }
        let ordered = QueueConfigEditor.inFileOrder(queueConfig, in: Array(updated[span.valueStart..<span.valueEnd]))
        return "\"queueConfig\": " + QueueConfigEditor.render(ordered, indent: "")
    }

    /// Writes `values` into the integration's `queueConfig` (nothing else in the file changes), then
    /// regenerates the committed manifest; if the definition would no longer generate, nothing is written.
    public func applyQueueConfig(integration: String, values: [String: Int]) throws(ManifestError) {
        let path = definitionPath(integration)
        let original = try definitionText(integration)
        let updated = try QueueConfigEditor(text: original).setting(values)
        try write(GeneratedManifest(text: updated, warnings: []), to: path)
        do {
            try write(try generate(), to: Self.manifestFile)
        } catch {
            try? write(GeneratedManifest(text: original, warnings: []), to: path)
            throw error
        }
    }

    func definitionPath(_ integration: String) -> String {
        "\(DefinitionLoader.functionsFolder)/\(integration)/\(DefinitionLoader.definitionFile)"
    }

    func definitionText(_ integration: String) throws(ManifestError) -> String {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(definitionPath(integration)).path) else {
            throw ManifestError(.invalidDefinitions, "cannot read \(definitionPath(integration))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
