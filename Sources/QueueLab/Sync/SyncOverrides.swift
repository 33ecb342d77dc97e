import CRMMock
import IntegrationManifest

/// What `queuelab sync --set key=value` changes for one run: `queueConfig` keys (`maxWorkers=10`),
/// validated later with the integration's definition, and the CRM's realism knobs
/// (`crm.rateLimit=20/s`), checked here. A key that is neither gets a did-you-mean.
public struct SyncOverrides: Sendable, Equatable {
    public var queueConfig: [String: Int] = [:]
    /// `name=value` knobs of the integration's mock CRM, in the order given.
    public var crmKnobs: [String] = []

    public static let crmPrefix = "crm."

    public init() {}

    /// Reads each `key=value` for `crm`'s integration.
    public init(parsing assignments: [String], crm: CRM) throws(SyncRunError) {
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw SyncRunError(.invalidSetting, "--set '\(assignment)': expected key=value, e.g. maxWorkers=10 or crm.rateLimit=20/s")
            }
            let key = String(assignment[..<equals])
            let value = String(assignment[assignment.index(after: equals)...])
            if key.hasPrefix(Self.crmPrefix) {
                let knob = String(key.dropFirst(Self.crmPrefix.count)) + "=" + value
                do {
                    crmKnobs.append(try CRMKnobAssignment(crm: crm, parsing: knob).knob)
                } catch {
                    throw SyncRunError(.invalidSetting, "--set '\(assignment)': \(error.message)")
                }
            } else if QueueConfig.Key(rawValue: key) != nil {
                guard let number = Int(value) else {
                    throw SyncRunError(.invalidSetting, "--set '\(assignment)': queueConfig.\(key) takes a whole number, not '\(value)'")
                }
                queueConfig[key] = number
            } else {
                let hint = KeySuggestion(allowedKeys: Self.keys).suggestion(for: key).map { "did you mean '\($0)'?" }
                    ?? "the keys are \(Self.keys.joined(separator: ", "))"
                throw SyncRunError(.invalidSetting, "--set '\(assignment)': unknown key '\(key)'; \(hint)")
            }
        }
    }

    /// Every key `--set` takes: queueConfig's, then the CRM knobs under `crm.`.
    public static var keys: [String] {
        QueueConfig.Key.allCases.map(\.rawValue) + CRMSettings.knobNames.map { crmPrefix + $0 }
    }
}
