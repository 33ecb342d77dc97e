/// A rendered manifest and the warnings its definitions raised.
public struct GeneratedManifest: Sendable {
    public let text: String
    public let warnings: [Diagnostic]
}
