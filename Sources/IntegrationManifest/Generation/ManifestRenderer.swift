import Foundation
import Yams

/// Writes a manifest as text. Keys are sorted so the same definitions always give the same bytes.
struct ManifestRenderer {
    func render(_ manifest: ServerlessManifest, as format: ManifestFormat) throws -> String {
        switch format {
        case .json:
            try json(manifest)
        case .yaml:
            try yaml(manifest)
        case .cloudformation:
            try json(CloudFormationCompiler().template(for: manifest))
        }
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    private func yaml(_ value: some Encodable) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options = YAMLEncoder.Options(sortKeys: true)
        return try encoder.encode(value)
    }
}
