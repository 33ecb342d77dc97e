import Foundation

/// A sync Process as workers and reports read it: the seed's Process with its CRM-sync `context`
/// and `results`.
public struct SyncProcess: Codable, Sendable, Equatable {
    public var id: String
    public var integration: String
    public var integrationId: String?
    /// `<integration>-<object type>-sync`, e.g. `zoho-crm-Lead-sync`.
    public var name: String
    /// Always `CRM_SYNC` here.
    public var type: String
    public var state: ProcessState
    public var context: Context
    public var results: Results
    /// Why the Process ended in ERROR.
    public var errorMessage: String?

    public struct Context: Codable, Sendable, Equatable {
        public var syncType: SyncType
        public var personObjectType: String
        public var totalRecords: Int?
        public var processedRecords: Int
        public var pagination: Pagination
        public var startTime: Date
        public var endTime: Date?
        /// What an ongoing sync fetches changes since.
        public var modifiedSince: Date?
    }

    public struct Pagination: Codable, Sendable, Equatable {
        public var pageSize: Int
        /// Known once page 0 is fetched (or the last chained page, without a total).
        public var totalPages: Int?
        /// Distinct pages done.
        public var processedPages: Int

        public init(pageSize: Int, totalPages: Int?, processedPages: Int) {
            self.pageSize = pageSize
            self.totalPages = totalPages
            self.processedPages = processedPages
        }
    }

    public struct Results: Codable, Sendable, Equatable {
        public var totalSynced: Int
        public var totalFailed: Int
        public var durationMilliseconds: Int64
        public var recordsPerSecond: Double
        public var estimatedCompletion: Date?
        /// The last 100 failures, oldest first.
        public var errors: [ProcessErrorEntry]
    }

    public static let crmSyncType = "CRM_SYNC"

    init(_ record: ProcessRecord, processedPages: Int, errors: [ProcessErrorEntry], now: Date) {
        let startTime = Date(epochMilliseconds: record.startedAt)
        let endTime = record.endedAt.map(Date.init(epochMilliseconds:))
        let rates = ProcessRates(
            processed: record.processedRecords, totalRecords: record.totalRecords, startedAt: startTime, endedAt: endTime, now: now)
        id = record.id
        integration = record.integration
        integrationId = record.integrationId
        name = record.name
        type = record.type
        state = record.state
        context = Context(
            syncType: record.syncType, personObjectType: record.personObjectType, totalRecords: record.totalRecords,
            processedRecords: record.processedRecords,
            pagination: Pagination(pageSize: record.pageSize, totalPages: record.totalPages, processedPages: processedPages),
            startTime: startTime, endTime: endTime, modifiedSince: record.modifiedSince.map(Date.init(epochMilliseconds:)))
        results = Results(
            totalSynced: record.totalSynced, totalFailed: record.totalFailed, durationMilliseconds: rates.durationMilliseconds,
            recordsPerSecond: rates.recordsPerSecond, estimatedCompletion: rates.estimatedCompletion, errors: errors)
        errorMessage = record.errorMessage
    }
}
