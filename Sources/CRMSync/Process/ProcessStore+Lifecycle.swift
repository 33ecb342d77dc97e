import Foundation
import GRDB
import Primitives

extension ProcessStore {
    /// A new initial or ongoing sync of one person object type, in INITIALIZING.
    /// - Parameter modifiedSince: for an ongoing sync, `lastCompletedSyncStart`.
    public func createSync(
        integration: String, integrationId: String? = nil, syncType: SyncType, personObjectType: String, pageSize: Int,
        modifiedSince: Date? = nil
    ) async throws -> SyncProcess {
        try await insert(ProcessRecord(
            id: RandomIdentifier.uuidString(), integration: integration, integrationId: integrationId,
            name: "\(integration)-\(personObjectType)-sync", type: SyncProcess.crmSyncType, state: .initializing, syncType: syncType,
            personObjectType: personObjectType, pageSize: pageSize, modifiedSince: modifiedSince?.epochMilliseconds,
            totalRecords: nil, totalPages: nil, processedRecords: 0, totalSynced: 0, totalFailed: 0, startedAt: 0, updatedAt: 0))
    }

    /// A webhook's Process: its persons are known, so it starts in PROCESSING_BATCHES with one page
    /// (page 0, the webhook's batch).
    public func createWebhookSync(
        integration: String, integrationId: String? = nil, personObjectType: String, personCount: Int
    ) async throws -> SyncProcess {
        try await insert(ProcessRecord(
            id: RandomIdentifier.uuidString(), integration: integration, integrationId: integrationId,
            name: "\(integration)-\(personObjectType)-sync", type: SyncProcess.crmSyncType, state: .processingBatches,
            syncType: .webhook, personObjectType: personObjectType, pageSize: personCount, modifiedSince: nil,
            totalRecords: personCount, totalPages: 1, processedRecords: 0, totalSynced: 0, totalFailed: 0, startedAt: 0, updatedAt: 0))
    }

    private func insert(_ record: ProcessRecord) async throws -> SyncProcess {
        var record = record
        let now = nowMilliseconds()
        record.startedAt = now
        record.updatedAt = now
        return try await database.write { [record] db in
            try record.insert(db)
            return try self.snapshot(record, db)
        }
    }

    /// Page 0 is being fetched: INITIALIZING → FETCHING_TOTAL. A redelivered page 0 finds the
    /// Process past INITIALIZING and leaves it as it is.
    public func startFetchingTotal(_ id: String) async throws {
        try await database.write { db in
            var record = try self.record(id, db)
            guard record.state == .initializing else { return }
            try self.move(&record, to: .fetchingTotal, db)
        }
    }

    /// Page 0 told the total: the Process records it and moves to QUEUING_PAGES (through
    /// FETCHING_TOTAL if need be). A redelivered page 0 is told to queue again only if the first
    /// delivery may have stopped while queuing.
    /// - Parameter totalPages: `nil` when the CRM gave no total and pages are chained.
    public func recordTotal(_ id: String, totalRecords: Int?, totalPages: Int?) async throws -> FanOutDecision {
        try await database.write { db in
            var record = try self.record(id, db)
            switch record.state {
            case .queuingPages:
                return .queuePages
            case .processingBatches, .completing, .completed:
                return .alreadyQueued
            case .initializing, .fetchingTotal, .error:
                if record.state == .initializing { try self.move(&record, to: .fetchingTotal, db) }
                record.totalRecords = totalRecords
                record.totalPages = totalPages
                // Refused for a Process in ERROR.
                try self.move(&record, to: .queuingPages, db)
                return .queuePages
            }
        }
    }

    /// The other pages are queued: QUEUING_PAGES → PROCESSING_BATCHES. If every page is already
    /// done (a one-page sync), this is the operation that completes the sync.
    public func finishQueuing(_ id: String) async throws -> CompletionDecision {
        try await database.write { db in
            var record = try self.record(id, db)
            switch record.state {
            case .processingBatches, .completing, .completed:
                // A previous delivery of page 0 finished queuing.
                return .pending
            case .initializing, .fetchingTotal, .queuingPages, .error:
                // Refused unless QUEUING_PAGES.
                try self.move(&record, to: .processingBatches, db)
                return try self.completeIfDone(&record, db)
            }
        }
    }

    /// `COMPLETE_SYNC`: COMPLETING → COMPLETED. A redelivered `COMPLETE_SYNC` finds it COMPLETED
    /// and changes nothing.
    public func completeSync(_ id: String) async throws -> SyncProcess {
        try await database.write { db in
            var record = try self.record(id, db)
            if record.state != .completed {
                record.endedAt = self.nowMilliseconds()
                try self.move(&record, to: .completed, db)
            }
            return try self.snapshot(record, db)
        }
    }

    /// The sync cannot go on: any state but a final one → ERROR, keeping why.
    public func fail(_ id: String, message: String) async throws -> SyncProcess {
        try await database.write { db in
            var record = try self.record(id, db)
            record.errorMessage = message
            record.endedAt = self.nowMilliseconds()
            try self.move(&record, to: .error, db)
            return try self.snapshot(record, db)
        }
    }

    /// Moves `record` to `next` through the state machine and saves it, or refuses.
    func move(_ record: inout ProcessRecord, to next: ProcessState, _ db: Database) throws {
        var machine = ProcessStateMachine(state: record.state)
        do {
            try machine.transition(to: next)
        } catch {
            throw ProcessStoreError(error, processId: record.id)
        }
        record.state = machine.state
        record.updatedAt = nowMilliseconds()
        try record.update(db)
    }
}
