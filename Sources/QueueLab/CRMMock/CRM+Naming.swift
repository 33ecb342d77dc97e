import CRMMock
import IntegrationManifest

extension CRM {
    /// The CRMs' names, which are the integrations' names (their folders under `functions/`).
    static var names: [String] { allCases.map(\.rawValue) }

    /// What to tell someone who wrote `name` for a CRM that does not exist: the near miss, else
    /// the names there are.
    static func unknownNameHint(_ name: String) -> String {
        guard let near = KeySuggestion(allowedKeys: names).suggestion(for: name) else {
            return "the CRMs are \(names.joined(separator: ", "))"
        }
        return "did you mean \"\(near)\"?"
    }
}
