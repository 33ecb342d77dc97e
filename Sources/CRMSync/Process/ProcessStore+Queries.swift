import Foundation
import GRDB

extension ProcessStore {
    public func process(_ id: String) async throws -> SyncProcess {
        try await database.read { db in try self.snapshot(try self.record(id, db), db) }
    }

    /// Processes newest first (reverse chronological), of one integration or all.
    public func processes(integration: String? = nil, limit: Int = 50) async throws -> [SyncProcess] {
        try await database.read { db in
            var request = ProcessRecord.all()
            if let integration { request = request.filter(ProcessRecord.Columns.integration == integration) }
            let records = try request.order(ProcessRecord.Columns.startedAt.desc, Column.rowID.desc).limit(limit).fetchAll(db)
            return try records.map { try self.snapshot($0, db) }
        }
    }

    /// Where an ongoing sync starts: when the last COMPLETED initial or ongoing sync of this
    /// integration and object type started (not ended, so that persons changed while it ran are
    /// fetched again rather than missed); `nil` if none completed.
    public func lastCompletedSyncStart(integration: String, personObjectType: String) async throws -> Date? {
        try await database.read { db in
            let startedAt = try Int64.fetchOne(
                db,
                ProcessRecord
                    .filter(ProcessRecord.Columns.integration == integration)
                    .filter(ProcessRecord.Columns.personObjectType == personObjectType)
                    .filter(ProcessRecord.Columns.state == ProcessState.completed)
                    .filter([SyncType.initial, SyncType.ongoing].contains(ProcessRecord.Columns.syncType))
                    .select(max(ProcessRecord.Columns.startedAt)))
            return startedAt.map(Date.init(epochMilliseconds:))
        }
    }
}
