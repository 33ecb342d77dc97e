import Foundation
import GRDB

/// The sync Processes of one integration, in the integration's own SQLite file, which every
/// worker process of the integration opens at once: WAL, a busy timeout, and each operation one
/// immediate write transaction, so that concurrent workers queue for the write lock instead of
/// failing, and every read-then-write is atomic. Counters are added to in SQL (`x = x + ?`), never
/// read and written back, so no increment is lost.
public final class ProcessStore: Sendable {
    let database: DatabasePool
    /// The wall clock, injected so tests can fix it.
    let now: @Sendable () -> Date

    /// Failures kept per Process.
    public static let keptErrors = 100

    /// Opens (creating if needed) the file at `path` and brings its schema up to date.
    /// - Parameter busyTimeout: how long an operation waits for other processes' writes.
    public init(path: String, busyTimeout: Duration = .seconds(30), now: @escaping @Sendable () -> Date = Date.init) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(busyTimeout.components.seconds))
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a committed transaction survives a crash of the worker.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try DatabasePool(path: path, configuration: configuration)
        self.now = now
        do {
            try Self.migrator.migrate(database)
        } catch {
            // Workers starting together on a new file all see it unmigrated, and all but the first
            // find the tables made when their turn for the write lock comes. Fine if the schema is there.
            guard try database.read({ db in try Self.migrator.hasCompletedMigrations(db) }) else { throw error }
        }
    }

    func nowMilliseconds() -> Int64 { now().epochMilliseconds }

    /// The Process `id` inside a transaction, or `processNotFound`.
    func record(_ id: String, _ db: Database) throws -> ProcessRecord {
        guard let record = try ProcessRecord.fetchOne(db, key: id) else {
            throw ProcessStoreError(.processNotFound, "no Process \(id)")
        }
        return record
    }

    /// Distinct pages of Process `id` done among its first `totalPages` (all of them when not known).
    func processedPages(_ id: String, below totalPages: Int?, _ db: Database) throws -> Int {
        var request = ProcessPageRecord.filter(ProcessPageRecord.Columns.processId == id)
        if let totalPages { request = request.filter(ProcessPageRecord.Columns.page < totalPages) }
        return try request.fetchCount(db)
    }

    func snapshot(_ record: ProcessRecord, _ db: Database) throws -> SyncProcess {
        let errors = try ProcessErrorRecord
            .filter(ProcessErrorRecord.Columns.processId == record.id)
            .order(ProcessErrorRecord.Columns.id)
            .fetchAll(db)
        return SyncProcess(
            record, processedPages: try processedPages(record.id, below: record.totalPages, db), errors: errors.map(\.entry), now: now())
    }
}
