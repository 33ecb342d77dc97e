import GRDB

/// A row of `process_page`: one page of a Process, done. Its primary key (process, page) is what
/// makes a redelivered page count once.
struct ProcessPageRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "process_page"

    var processId: String
    var page: Int
    var synced: Int
    var failed: Int
    var recordedAt: Int64

    enum Columns {
        static let processId = Column(CodingKeys.processId)
        static let page = Column(CodingKeys.page)
    }
}
