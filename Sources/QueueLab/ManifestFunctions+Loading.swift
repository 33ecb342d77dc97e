import Foundation
import IntegrationManifest
import StrictJSON

extension ManifestFunctions {
    /// Reads and settles the serverless.json at `file` (a path as the user wrote it).
    public static func load(file: String, accountId: String) throws(ManifestLoadError) -> ManifestFunctions {
        guard FileManager.default.fileExists(atPath: file) else { throw .fileNotFound(file: file) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw .unreadable(file: file, detail: error.localizedDescription)
        }
        // The strict parser first: it locates syntax errors by line and column, Foundation's does not.
        do {
            _ = try JSONParser.parse(Array(data))
        } catch {
            throw .malformedJSON(file: file, detail: error.description)
        }
        let manifest: ServerlessManifest
        do {
            manifest = try JSONDecoder().decode(ServerlessManifest.self, from: data)
        } catch let error as DecodingError {
            throw invalidValue(error, file: file)
        } catch {
            throw .invalidValue(file: file, key: "(top level)", detail: "\(error)")
        }
        return try ManifestFunctions(manifest, file: file, accountId: accountId)
    }

    /// The decoder's complaint with its dotted key (`functions.probe.timeout`, `functions.probe.events[0]`).
    private static func invalidValue(_ error: DecodingError, file: String) -> ManifestLoadError {
        let path: [any CodingKey], detail: String
        switch error {
        case .keyNotFound(let key, let context):
            (path, detail) = (context.codingPath + [key], "is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (path, detail) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, detail) = ([], "\(error)")
        }
        return .invalidValue(file: file, key: dottedKey(path), detail: detail)
    }

    private static func dottedKey(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "(top level)" }
        return path.reduce(into: "") { key, component in
            // Array positions have an int value and a string value of "Index <n>"; a dictionary key
            // that looks like a number has both, equal.
            if let index = component.intValue, component.stringValue != String(index) {
                key += "[\(index)]"
            } else {
                key += (key.isEmpty ? "" : ".") + component.stringValue
            }
        }
    }
}
