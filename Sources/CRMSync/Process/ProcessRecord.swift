import GRDB

/// A row of `process`: one sync of one person object type. Times are milliseconds since the epoch.
struct ProcessRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "process"

    var id: String
    var integration: String
    var integrationId: String?
    var name: String
    var type: String
    var state: ProcessState
    var syncType: SyncType
    var personObjectType: String
    var pageSize: Int
    var modifiedSince: Int64?
    var totalRecords: Int?
    var totalPages: Int?
    var processedRecords: Int
    var totalSynced: Int
    var totalFailed: Int
    var startedAt: Int64
    var updatedAt: Int64
    var endedAt: Int64?
    /// Why the Process ended in ERROR.
    var errorMessage: String?

    enum Columns {
        static let integration = Column(CodingKeys.integration)
        static let state = Column(CodingKeys.state)
        static let syncType = Column(CodingKeys.syncType)
        static let personObjectType = Column(CodingKeys.personObjectType)
        static let processedRecords = Column(CodingKeys.processedRecords)
        static let totalSynced = Column(CodingKeys.totalSynced)
        static let totalFailed = Column(CodingKeys.totalFailed)
        static let startedAt = Column(CodingKeys.startedAt)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }
}

extension ProcessState: DatabaseValueConvertible {}
extension SyncType: DatabaseValueConvertible {}
