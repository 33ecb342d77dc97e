import GRDB

extension ProcessStore {
    /// One page's persons are processed: adds its counts to the Process and keeps its errors,
    /// once per page, however often the page's message is delivered. If this was the last
    /// outstanding page, the Process moves to COMPLETING and the answer is `.sendCompleteSync`.
    ///
    /// Why exactly one worker gets `.sendCompleteSync`: the page row, the counters and the
    /// completion check are one immediate transaction, and SQLite runs such transactions one at a
    /// time across all processes. The check ("in PROCESSING_BATCHES, and the distinct done pages
    /// below `totalPages` number `totalPages`") becomes true in exactly one of them — the one that
    /// adds the last missing page, or, if the pages finish first, the one that enters
    /// PROCESSING_BATCHES — and that transaction also leaves PROCESSING_BATCHES, so no later one
    /// can see the check true again. A duplicate page inserts no row and so completes nothing.
    public func recordPage(_ id: String, _ outcome: PageOutcome) async throws -> CompletionDecision {
        let now = nowMilliseconds()
        return try await database.write { db in
            _ = try self.record(id, db)
            let page = ProcessPageRecord(processId: id, page: outcome.page, synced: outcome.synced, failed: outcome.failed, recordedAt: now)
            try page.insert(db, onConflict: .ignore)
            guard db.changesCount == 1 else { return .duplicatePage }
            // processedRecords = processedRecords + ?, …: added to in SQL, never read and written back.
            try ProcessRecord.filter(key: id).updateAll(
                db, ProcessRecord.Columns.processedRecords += outcome.processed, ProcessRecord.Columns.totalSynced += outcome.synced,
                ProcessRecord.Columns.totalFailed += outcome.failed, ProcessRecord.Columns.updatedAt.set(to: now))
            try self.keep(outcome.errors, of: id, db)
            var record = try self.record(id, db)
            return try self.completeIfDone(&record, db)
        }
    }

    /// The last chained page settled how many pages the sync has (the CRM gave no total).
    public func recordPageCount(_ id: String, totalPages: Int) async throws -> CompletionDecision {
        try await database.write { db in
            var record = try self.record(id, db)
            if record.totalPages == nil {
                record.totalPages = totalPages
                record.updatedAt = self.nowMilliseconds()
                try record.update(db)
            }
            return try self.completeIfDone(&record, db)
        }
    }

    /// Inside the write transaction that may have made it true: if the Process is processing
    /// batches and all its pages are done, moves it to COMPLETING.
    func completeIfDone(_ record: inout ProcessRecord, _ db: Database) throws -> CompletionDecision {
        guard record.state == .processingBatches, let totalPages = record.totalPages,
            try processedPages(record.id, below: totalPages, db) >= totalPages
        else { return .pending }
        try move(&record, to: .completing, db)
        return .sendCompleteSync
    }

    /// Appends `errors` and drops all but the last `keptErrors` of the Process.
    private func keep(_ errors: [ProcessErrorEntry], of id: String, _ db: Database) throws {
        guard !errors.isEmpty else { return }
        for entry in errors {
            try ProcessErrorRecord(processId: id, entry: entry).insert(db)
        }
        try db.execute(
            sql: """
                DELETE FROM process_error WHERE processId = ? AND id NOT IN
                    (SELECT id FROM process_error WHERE processId = ? ORDER BY id DESC LIMIT ?)
                """,
            arguments: [id, id, Self.keptErrors])
    }
}
