import Foundation
import GRDB

/// A row of `process_error`: one of the last `ProcessStore.keptErrors` failures of a Process.
struct ProcessErrorRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "process_error"

    var id: Int64?
    var processId: String
    var personId: String?
    var page: Int?
    var message: String
    var recordedAt: Int64

    init(processId: String, entry: ProcessErrorEntry) {
        self.processId = processId
        personId = entry.personId
        page = entry.page
        message = entry.message
        recordedAt = entry.timestamp.epochMilliseconds
    }

    var entry: ProcessErrorEntry {
        ProcessErrorEntry(personId: personId, page: page, message: message, timestamp: Date(epochMilliseconds: recordedAt))
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let processId = Column(CodingKeys.processId)
    }
}
