import Foundation
import GRDB
import StrictJSON

/// The mock Quo's contacts in their own SQLite file (WAL): upserts by (`source`, `externalId`),
/// each call one transaction, so concurrent upserts of one contact never duplicate it.
public final class QuoContactStore: Sendable {
    /// One page of a listing, and how many contacts match in all.
    public struct Page: Sendable {
        public var contacts: [QuoContact]
        public var total: Int
        /// Where the next page starts (an opaque token), nil on the last page.
        public var nextPageToken: String?
    }

    /// What an upsert did to one contact.
    struct Upsert: Sendable {
        let contact: QuoContact
        let created: Bool
    }

    private let database: DatabasePool

    /// Opens (creating if needed) the file at `path` and brings its schema up to date.
    public init(path: String) throws(CRMMockError) {
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw CRMMockError(.quoStoreFailed, "cannot open the mock Quo's contacts at \(path): \(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 contacts") { db in
            try db.create(table: QuoContactRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("source", .text).notNull()
                table.column("externalId", .text).notNull()
                table.column("defaultFields", .jsonText).notNull()
                table.column("customFields", .jsonText)
                table.column("upserts", .integer).notNull()
                table.column("createdAt", .integer).notNull()
                table.column("updatedAt", .integer).notNull()
                table.uniqueKey(["source", "externalId"])
            }
        }
        return migrator
    }

    /// Creates or updates each contact, all in one transaction.
    func upsert(_ inputs: [QuoContactInput], now: Timestamp) async throws(CRMMockError) -> [Upsert] {
        let customFieldsText = inputs.map { input in input.customFields.map { String(decoding: MockResponse.encode($0), as: UTF8.self) } }
        return try await write { db in
            try zip(inputs, customFieldsText).map { input, customFields in
                let existing = try QuoContactRecord
                    .filter(QuoContactRecord.Columns.source == input.source && QuoContactRecord.Columns.externalId == input.externalId)
                    .fetchOne(db)
                var record = existing ?? QuoContactRecord(
                    source: input.source, externalId: input.externalId, defaultFields: input.defaultFields, upserts: 0,
                    createdAt: now.millisecondsSinceEpoch, updatedAt: now.millisecondsSinceEpoch)
                record.defaultFields = input.defaultFields
                record.customFields = customFields
                record.upserts += 1
                record.updatedAt = now.millisecondsSinceEpoch
                try record.save(db)
                return Upsert(contact: record.contact, created: existing == nil)
            }
        }
    }

    /// The contacts (of `source`, with `externalId`, when given) in the order they were created,
    /// at most `limit` from `pageToken`.
    public func contacts(
        source: String? = nil, externalId: String? = nil, limit: Int = .max, pageToken: String? = nil
    ) async throws(CRMMockError) -> Page {
        let after = pageToken.flatMap { Int64($0) } ?? 0
        return try await read { db in
            var matching = QuoContactRecord.all()
            if let source { matching = matching.filter(QuoContactRecord.Columns.source == source) }
            if let externalId { matching = matching.filter(QuoContactRecord.Columns.externalId == externalId) }
            let total = try matching.fetchCount(db)
            var ordered = matching.filter(QuoContactRecord.Columns.id > after).order(QuoContactRecord.Columns.id)
            // One more than the page tells whether there is a next one.
            if limit < .max { ordered = ordered.limit(limit + 1) }
            let records = try ordered.fetchAll(db)
            let page = records.prefix(limit)
            let next = records.count > page.count ? page.last?.id.map(String.init) : nil
            return Page(contacts: page.map(\.contact), total: total, nextPageToken: next)
        }
    }

    public func summary() async throws(CRMMockError) -> QuoSummary {
        try await read { db in
            let contacts = try QuoContactRecord.fetchCount(db)
            let upserts = try QuoContactRecord.select(sum(QuoContactRecord.Columns.upserts), as: Int.self).fetchOne(db) ?? 0
            return QuoSummary(contacts: contacts, upserts: upserts, updates: upserts - contacts)
        }
    }

    private func write<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws(CRMMockError) -> T {
        do {
            return try await database.write(operation)
        } catch {
            throw CRMMockError(.quoStoreFailed, "the mock Quo's contacts: \(error)")
        }
    }

    private func read<T: Sendable>(_ operation: @escaping @Sendable (Database) throws -> T) async throws(CRMMockError) -> T {
        do {
            return try await database.read(operation)
        } catch {
            throw CRMMockError(.quoStoreFailed, "the mock Quo's contacts: \(error)")
        }
    }
}
