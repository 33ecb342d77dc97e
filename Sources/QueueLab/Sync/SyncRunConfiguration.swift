import CRMSync
import Foundation
import Observability

/// One `queuelab sync`: which integration, from which definitions, with what for this run only.
public struct SyncRunConfiguration: Sendable {
    public var integration: String
    /// The package root whose `functions/<integration>/integration.json` defines the integration.
    public var root: URL
    /// The run's own folder: state file, manifest, Process and Quo databases, function logs.
    public var stateDirectory: String
    /// `.initial` starts with INITIAL_SYNC, `.ongoing` with ONGOING_SYNC.
    public var syncType: SyncType
    /// Start from empty databases; an ongoing sync keeps the previous run's (its last completed
    /// sync is where it starts from).
    public var freshState: Bool
    /// People in the mock CRM (`--records`); nil keeps the CRM's default.
    public var records: Int?
    /// `--set key=value`: queueConfig keys and `crm.` knobs for this run (see `SyncOverrides`).
    public var settings: [String]
    /// Folders searched for the `crm-sync` executable (the running executable's by default).
    public var executableSearchPaths: [String]
    /// How fast event source mappings may add concurrency (AWS: 300 per minute).
    public var eventSourceScalePerMinute: Int?
    /// The prices of the report's cost estimate.
    public var prices = Prices()

    public init(
        integration: String, root: URL, stateDirectory: String? = nil, syncType: SyncType = .initial, freshState: Bool = true,
        records: Int? = nil, settings: [String] = [],
        executableSearchPaths: [String] = [RuntimeConfiguration.runningExecutableDirectory()], eventSourceScalePerMinute: Int? = nil
    ) {
        self.integration = integration
        self.root = root
        self.stateDirectory = stateDirectory ?? ".queuelab/sync/\(integration)"
        self.syncType = syncType
        self.freshState = freshState
        self.records = records
        self.settings = settings
        self.executableSearchPaths = executableSearchPaths
        self.eventSourceScalePerMinute = eventSourceScalePerMinute
    }

    var statePath: String { stateDirectory + "/state.sqlite" }
    var manifestPath: String { stateDirectory + "/serverless.json" }
}
