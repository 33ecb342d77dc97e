import CRMMock
import IntegrationManifest

/// One realism knob of one mock CRM, as a command line sets it: `scaling-test.rateLimit=20/s`
/// (`queuelab start --crm`), or `rateLimit=20/s` for a CRM the caller already knows. It is
/// checked when read (the CRM, the knob's name with a did-you-mean, its value), so that a bad one
/// is refused before anything starts.
public struct CRMKnobAssignment: Sendable, Equatable {
    public let crm: CRM
    /// `name=value`, as `CRMSettings.apply(knob:)` reads it.
    public let knob: String

    /// Reads `<crm>.<knob>=<value>`, the CRM named as its integration (`pipedrive`, `zoho-crm`…).
    public init(parsing text: String) throws(CRMMockError) {
        guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: ".") else {
            throw CRMMockError(.invalidKnob, "'\(text)': expected <crm>.<knob>=<value>, e.g. scaling-test.rateLimit=20/s")
        }
        let name = String(text[..<dot])
        guard let crm = CRM(rawValue: name) else {
            throw CRMMockError(.invalidKnob, "'\(text)': unknown CRM '\(name)'; \(CRM.unknownNameHint(name))")
        }
        try self.init(crm: crm, parsing: String(text[text.index(after: dot)...]))
    }

    /// Reads `<knob>=<value>` for `crm`.
    public init(crm: CRM, parsing knob: String) throws(CRMMockError) {
        guard let equals = knob.firstIndex(of: "=") else {
            throw CRMMockError(.invalidKnob, "'\(knob)': expected <knob>=<value>, e.g. rateLimit=20/s")
        }
        let name = String(knob[..<equals])
        guard CRMSettings.knobNames.contains(name) else {
            let hint = KeySuggestion(allowedKeys: CRMSettings.knobNames).suggestion(for: name).map { "did you mean \"\($0)\"?" }
            throw CRMMockError(
                .invalidKnob, "unknown knob '\(name)' in '\(crm.rawValue).\(knob)'; "
                    + (hint ?? "the knobs are \(CRMSettings.knobNames.joined(separator: ", "))"))
        }
        var trial = CRMSettings.defaults(for: crm)
        do throws(CRMMockError) {
            try trial.apply(knob: knob)
        } catch {
            throw CRMMockError(.invalidKnob, "\(crm.rawValue).\(error.message)")
        }
        self.crm = crm
        self.knob = knob
    }

    /// Sets the knob in `settings` (the settings of `crm`).
    public func apply(to settings: inout CRMSettings) throws(CRMMockError) {
        try settings.apply(knob: knob)
    }

    /// The settings that `texts` (each `<crm>.<knob>=<value>`) give, applied in order, each CRM
    /// starting from `CRMSettings.defaults(for:)`; CRMs no text names are left out (so they keep
    /// their defaults too).
    public static func settings(parsing texts: [String]) throws(CRMMockError) -> [CRM: CRMSettings] {
        var settings: [CRM: CRMSettings] = [:]
        for text in texts {
            let assignment = try CRMKnobAssignment(parsing: text)
            try assignment.apply(to: &settings[assignment.crm, default: .defaults(for: assignment.crm)])
        }
        return settings
    }
}
