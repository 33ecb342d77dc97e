import GRDB
import StrictJSON

/// A row of the `contact` table: one contact per (`source`, `externalId`).
struct QuoContactRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "contact"

    var id: Int64?
    var source: String
    var externalId: String
    /// Stored as JSON by GRDB.
    var defaultFields: QuoDefaultFields
    /// The custom fields as JSON text, as sent.
    var customFields: String?
    /// How many upserts wrote this contact (1 when created).
    var upserts: Int
    /// Milliseconds since the epoch.
    var createdAt: Int64
    var updatedAt: Int64

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let source = Column(CodingKeys.source)
        static let externalId = Column(CodingKeys.externalId)
        static let upserts = Column(CodingKeys.upserts)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var contact: QuoContact {
        QuoContact(
            id: "ct_\(CRM.zeroPadded(Int(id ?? 0), width: 6))", externalId: externalId, source: source, defaultFields: defaultFields,
            customFields: customFields.flatMap { try? JSONParser.parse(Array($0.utf8)) },
            createdAt: Timestamp(millisecondsSinceEpoch: createdAt), updatedAt: Timestamp(millisecondsSinceEpoch: updatedAt))
    }
}
