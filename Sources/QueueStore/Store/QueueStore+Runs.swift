import GRDB

extension QueueStore {
    /// Records that a run starts now with these functions and mappings; returns its id.
    public func startRun(functions: [RunRecord.Function], mappings: [RunRecord.Mapping]) async throws(SQSError) -> Int64 {
        let now = now()
        return try await write { db in
            var run = RunRecord(startedAt: now, functions: functions, mappings: mappings)
            try run.insert(db)
            return run.id ?? db.lastInsertedRowID
        }
    }

    /// Records that the run stopped gracefully.
    public func endRun(_ id: Int64) async throws(SQSError) {
        let now = now()
        try await write { db in
            try RunRecord.filter(RunRecord.Columns.id == id)
                .updateAll(db, RunRecord.Columns.endedAt.set(to: now), RunRecord.Columns.lastSampleAt.set(to: now))
        }
    }

    /// Persists one sample of every queue of a running run.
    public func recordSamples(_ samples: [QueueSample], ofRun id: Int64) async throws(SQSError) {
        let now = now()
        try await write { db in
            for sample in samples { try sample.insert(db) }
            try RunRecord.filter(RunRecord.Columns.id == id).updateAll(db, RunRecord.Columns.lastSampleAt.set(to: now))
        }
    }

    /// Every run on the state file, oldest first.
    public func runs() async throws(SQSError) -> [RunRecord] {
        try await read { db in try RunRecord.order(RunRecord.Columns.id).fetchAll(db) }
    }

    /// A run's queue samples in time order.
    public func queueSamples(ofRun id: Int64) async throws(SQSError) -> [QueueSample] {
        try await read { db in
            try QueueSample.filter(QueueSample.Columns.runId == id).order(QueueSample.Columns.at).fetchAll(db)
        }
    }

    /// Attempts received from `start` up to `end` (milliseconds since the epoch), oldest first.
    public func deliveryAttempts(receivedFrom start: Int64, to end: Int64?) async throws(SQSError) -> [DeliveryAttempt] {
        try await read { db in
            var request = DeliveryAttempt.filter(DeliveryAttempt.Columns.receivedAt >= start)
            if let end { request = request.filter(DeliveryAttempt.Columns.receivedAt <= end) }
            return try request.order(DeliveryAttempt.Columns.id).fetchAll(db)
        }
    }

    /// How many times each message an event source mapping delivered from `queue` in the time range
    /// was delivered: receive count → messages.
    public func receiveCountDistribution(ofQueue queue: String, from start: Int64, to end: Int64?) async throws(SQSError) -> [Int: Int] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT receives, COUNT(*) FROM (
                    SELECT COUNT(*) AS receives FROM delivery_attempt, json_each(delivery_attempt.messageIds)
                    WHERE queueName = ? AND receivedAt >= ? AND receivedAt <= ?
                    GROUP BY json_each.value)
                GROUP BY receives
                """, arguments: [queue, start, end ?? Int64.max])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int, $0[1] as Int) })
        }
    }

    /// The dead-letter moves and redrives of a message, oldest first.
    public func events(ofMessage messageId: String) async throws(SQSError) -> [MessageEvent] {
        try await read { db in
            try MessageEvent.filter(MessageEvent.Columns.messageId == messageId).order(Column("id")).fetchAll(db)
        }
    }

    func recordEvent(_ kind: MessageEvent.Kind, ofMessageRow rowId: Int64, from: String, to: String, at now: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO message_event (messageId, kind, at, fromQueue, toQueue, attemptId)
            SELECT messageId, ?, ?, ?, ?, CASE WHEN ? = 'deadLettered' THEN lastAttemptId END FROM message WHERE id = ?
            """).execute(arguments: [kind, now, from, to, kind, rowId])
    }
}
