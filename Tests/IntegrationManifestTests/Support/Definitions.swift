@testable import IntegrationManifest

/// Builds definition files and validates them the way `generate` does.
enum Definitions {
    static let personObjectTypes = #""personObjectTypes": [{ "crmObjectName": "Person", "quoContactType": "contact" }]"#

    /// A valid definition whose `queueConfig` holds `queueConfig` (JSON members without braces).
    static func withQueueConfig(_ queueConfig: String) -> String {
        "{ \(personObjectTypes), \"queueConfig\": { \(queueConfig) } }"
    }

    static func validate(_ text: String, name: String = "pipedrive") -> ValidationReport {
        DefinitionValidator().validate([
            DefinitionSource(name: name, file: "functions/\(name)/integration.json", bytes: Array(text.utf8))
        ])
    }

    /// Every finding printed as `generate` prints it.
    static func messages(_ text: String, name: String = "pipedrive") -> [String] {
        validate(text, name: name).diagnostics.map(\.description)
    }
}
