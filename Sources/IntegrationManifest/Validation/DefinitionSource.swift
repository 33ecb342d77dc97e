/// The raw text of one definition, before validation.
public struct DefinitionSource: Sendable {
    public let name: String
    /// Relative to the package root, e.g. `functions/pipedrive/integration.json`.
    public let file: String
    public let bytes: [UInt8]

    public init(name: String, file: String, bytes: [UInt8]) {
        self.name = name
        self.file = file
        self.bytes = bytes
    }
}
