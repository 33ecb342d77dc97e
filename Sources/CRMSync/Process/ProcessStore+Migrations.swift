import GRDB

extension ProcessStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 processes, pages, errors") { db in
            try db.create(table: "process") { t in
                t.primaryKey("id", .text)
                t.column("integration", .text).notNull()
                t.column("integrationId", .text)
                t.column("name", .text).notNull()
                t.column("type", .text).notNull()
                t.column("state", .text).notNull()
                t.column("syncType", .text).notNull()
                t.column("personObjectType", .text).notNull()
                t.column("pageSize", .integer).notNull()
                t.column("modifiedSince", .integer)
                t.column("totalRecords", .integer)
                t.column("totalPages", .integer)
                t.column("processedRecords", .integer).notNull()
                t.column("totalSynced", .integer).notNull()
                t.column("totalFailed", .integer).notNull()
                t.column("startedAt", .integer).notNull()
                t.column("updatedAt", .integer).notNull()
                t.column("endedAt", .integer)
                t.column("errorMessage", .text)
            }
            // The last completed sync of an integration and object type; listings newest first.
            try db.create(index: "process_by_start", on: "process", columns: ["integration", "personObjectType", "state", "startedAt"])
            try db.create(table: "process_page") { t in
                t.belongsTo("process", onDelete: .cascade).notNull()
                t.column("page", .integer).notNull()
                t.column("synced", .integer).notNull()
                t.column("failed", .integer).notNull()
                t.column("recordedAt", .integer).notNull()
                t.primaryKey(["processId", "page"])
            }
            try db.create(table: "process_error") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("process", onDelete: .cascade, indexed: false).notNull()
                t.column("personId", .text)
                t.column("page", .integer)
                t.column("message", .text).notNull()
                t.column("recordedAt", .integer).notNull()
            }
            try db.create(index: "process_error_by_process", on: "process_error", columns: ["processId", "id"])
        }
        return migrator
    }
}
