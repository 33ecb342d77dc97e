import Foundation
import StrictJSON

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

    /// The definition with `values` set in its `queueConfig`. A file that is not a JSON object is
    /// left as it is, for validation to report.
    func settingQueueConfig(_ values: [String: Int]) -> DefinitionSource {
        guard !values.isEmpty, case .object(var members) = try? JSONParser.parse(bytes) else { return self }
        var queueConfig: [String: JSONValue] = [:]
        if case .object(let existing) = members["queueConfig"] { queueConfig = existing }
        for (key, value) in values { queueConfig[key] = .integer(value) }
        members["queueConfig"] = .object(queueConfig)
        guard let encoded = try? JSONEncoder().encode(JSONValue.object(members)) else { return self }
        return DefinitionSource(name: name, file: file, bytes: Array(encoded))
    }
}
