import Foundation
import GRDB

/// SQS semantics on one SQLite file (WAL). Each operation is one transaction; every accepted
/// message is committed before the call returns, and every deadline is stored as an absolute time.
public final class QueueStore: Sendable {
    let database: DatabasePool
    let writer: WriteCoalescer
    /// Where the store reads the time; event source mappings schedule by it too.
    public let clock: any QueueClock
    let signals = QueueSignals()
    let otherProcessCommits: OtherProcessCommits
    let activity = QueueActivityCounters()
    /// Used on the writer connection only; readers see other snapshots.
    let queueCache = QueueRecordCache()
    public let accountId: String

    /// Opens (creating if needed) the state file at `path` and brings its schema up to date.
    public convenience init(path: String, accountId: String = "000000000000", clock: any QueueClock = SystemQueueClock()) throws {
        try self.init(path: path, accountId: accountId, clock: clock, readOnly: false)
    }

    /// - Parameter readOnly: open an existing, up-to-date file for reading only: no migration, and
    ///   none of the writing a pool does when it opens a file no one has open (GRDB creates and drops
    ///   a table to make a WAL file); every write fails.
    init(path: String, accountId: String, clock: any QueueClock, readOnly: Bool) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        if readOnly {
            configuration.readonly = true
        } else {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            configuration.prepareDatabase { db in
                // WAL with NORMAL sync: a committed transaction survives a crash or kill -9 of the process.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
            }
        }
        database = try DatabasePool(path: path, configuration: configuration)
        otherProcessCommits = OtherProcessCommits(waking: signals)
        let queueCache = queueCache
        writer = WriteCoalescer(
            database: database,
            beforeBatch: { db in queueCache.check(dataVersion: try Self.dataVersion(db)) },
            onRollback: { queueCache.clear() })
        self.clock = clock
        self.accountId = accountId
        if !readOnly { try Self.migrator.migrate(database) }
        // The baseline against which waiters notice other processes' commits.
        otherProcessCommits.notice(dataVersion: try database.writeWithoutTransaction { try Self.dataVersion($0) })
    }

    func now() -> Int64 { clock.now() }

    /// What happened to each queue since this store opened, by queue name.
    public func queueActivity() -> [String: QueueActivity] {
        activity.snapshot()
    }

    /// The queue named `name`. On the writer connection it comes from `queueCache` when it can, so
    /// whatever changes a queue row there must update or clear the cache.
    func queue(named name: String, _ db: Database) throws -> QueueRecord {
        let onWriter = !db.configuration.readonly
        if onWriter, let cached = queueCache.record(named: name) { return cached }
        let statement = try db.cachedStatement(sql: "SELECT * FROM queue WHERE name = ?")
        guard let queue = try QueueRecord.fetchOne(statement, arguments: [name]) else {
            throw SQSError.nonExistentQueue
        }
        if onWriter { queueCache.keep(queue) }
        return queue
    }

    func queue(arn: String, _ db: Database) throws -> QueueRecord? {
        let name = QueueRecord.name(fromARN: arn)
        let statement = try db.cachedStatement(sql: "SELECT * FROM queue WHERE name = ?")
        guard let queue = try QueueRecord.fetchOne(statement, arguments: [name]), queue.arn == arn else {
            return nil
        }
        return queue
    }

    /// Runs `operation` as one atomic write (a savepoint in a group-committed transaction) and
    /// returns once it is committed, surfacing SQS errors as they are.
    func write<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws(SQSError) -> T {
        do {
            return try await writer.write(operation)
        } catch {
            throw SQSError(surfacing: error)
        }
    }

    func read<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws(SQSError) -> T {
        do {
            return try await database.read(operation)
        } catch {
            throw SQSError(surfacing: error)
        }
    }
}
