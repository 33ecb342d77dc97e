import Primitives

/// What the `crm-sync` executable reads from its environment. `queuelab generate` writes
/// `INTEGRATION_NAME` and the `SYNC_*` settings into each function and `<NAME>_QUEUE_URL` into the
/// provider; QueueLab adds `CRM_MOCK_URL`, `SYNC_STATE_DIR` and `API_URL` when it runs the function.
public struct WorkerEnvironment: Sendable, Equatable {
    public var integration: String
    /// The integration's queue, where follow-up events go.
    public var queueURL: String
    /// The CRM's API root: `CRM_API_URL`, else the mock CRM's prefix for the integration.
    public var crmURL: String
    /// Quo's API root: `QUO_API_URL`, else the mock Quo.
    public var quoURL: String
    /// The integration's Process store file, shared by all its workers.
    public var processDatabasePath: String
    public var apiURL: String?
    public var settings: SyncSettings
    /// The queue's `maxReceiveCount`: the receive after which SQS dead-letters a failed message.
    /// Without it the worker never knows a receive is the last.
    public var maxReceiveCount: Int?

    public static let integrationVariable = "INTEGRATION_NAME"
    public static let initialBatchSizeVariable = "SYNC_INITIAL_BATCH_SIZE"
    public static let ongoingBatchSizeVariable = "SYNC_ONGOING_BATCH_SIZE"
    public static let reverseChronologicalVariable = "SYNC_REVERSE_CHRONOLOGICAL"
    public static let maxReceiveCountVariable = "SYNC_MAX_RECEIVE_COUNT"
    /// Where Process files go when QueueLab does not say (Lambda's only writable folder).
    static let defaultStateDirectory = "/tmp/crm-sync"

    /// The queue URL variable of `integration`, as `queuelab generate` names it: `zoho-crm` → `ZOHO_CRM_QUEUE_URL`.
    public static func queueURLVariable(for integration: String) -> String {
        integration.uppercased().replacing("-", with: "_") + "_QUEUE_URL"
    }

    public init(_ variables: [String: String]) throws(WorkerEnvironmentError) {
        func required(_ name: String) throws(WorkerEnvironmentError) -> String {
            guard let value = variables[name], !value.isEmpty else { throw WorkerEnvironmentError(.missingVariable, "\(name) is not set") }
            return value
        }
        func positive(_ name: String) throws(WorkerEnvironmentError) -> Int? {
            guard let text = variables[name] else { return nil }
            guard let value = Int(text), value > 0 else { throw WorkerEnvironmentError(.invalidVariable, "\(name) must be a whole number above 0, not \"\(text)\"") }
            return value
        }
        integration = try required(Self.integrationVariable)
        queueURL = try required(Self.queueURLVariable(for: integration))
        let mockURL = variables["CRM_MOCK_URL"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let name = integration
        guard let crmURL = variables["CRM_API_URL"] ?? mockURL.map({ "\($0)/\(name)" }) else {
            throw WorkerEnvironmentError(.missingVariable, "CRM_API_URL is not set (nor CRM_MOCK_URL, which QueueLab sets when it runs the mock CRMs)")
        }
        guard let quoURL = variables["QUO_API_URL"] ?? mockURL.map({ "\($0)/quo" }) else {
            throw WorkerEnvironmentError(.missingVariable, "QUO_API_URL is not set (nor CRM_MOCK_URL, which QueueLab sets when it runs the mock Quo)")
        }
        self.crmURL = crmURL
        self.quoURL = quoURL
        processDatabasePath = (variables["SYNC_STATE_DIR"] ?? Self.defaultStateDirectory) + "/\(name).sqlite"
        apiURL = variables["API_URL"]
        let defaults = SyncSettings()
        var reverse = defaults.reverseChronological
        if let text = variables[Self.reverseChronologicalVariable] {
            guard let value = Bool(text) else {
                throw WorkerEnvironmentError(.invalidVariable, "\(Self.reverseChronologicalVariable) must be true or false, not \"\(text)\"")
            }
            reverse = value
        }
        settings = SyncSettings(
            reverseChronological: reverse,
            initialBatchSize: try positive(Self.initialBatchSizeVariable) ?? defaults.initialBatchSize,
            ongoingBatchSize: try positive(Self.ongoingBatchSizeVariable) ?? defaults.ongoingBatchSize)
        maxReceiveCount = try positive(Self.maxReceiveCountVariable)
    }
}

/// A variable the worker needs is missing or wrong: the function cannot initialise.
public typealias WorkerEnvironmentError = CodedError<WorkerEnvironmentErrorCode>

/// The codes of `WorkerEnvironmentError`.
public enum WorkerEnvironmentErrorCode: String, ErrorCode {
    case missingVariable = "MissingVariable"
    case invalidVariable = "InvalidVariable"

    public static let descriptionNamesCode = true
}
