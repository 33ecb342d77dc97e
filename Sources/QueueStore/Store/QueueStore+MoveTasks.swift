import Foundation
import GRDB

extension QueueStore {
    /// Signal name the move-task runner waits on when no task is running.
    static let moveTaskSignal = "\u{0}move-tasks"

    /// Starts moving the messages now in dead-letter queue `sourceArn` back to their source queues
    /// (or to `destinationArn`), at most `maxPerSecond` a second.
    public func startMessageMoveTask(sourceArn: String, destinationArn: String?, maxPerSecond: Int?) async throws(SQSError) -> String {
        let now = now()
        let handle = try await write { db in
            let source = try self.moveTaskSource(sourceArn: sourceArn, destinationArn: destinationArn, maxPerSecond: maxPerSecond, db)
            let lastRowId = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM message WHERE queueId = ?", arguments: [source.id]) ?? 0
            let toMove = try MessageRecord.filter(MessageRecord.Columns.queueId == source.id).fetchCount(db)
            let handle = try MoveTaskHandle.new(sourceArn: sourceArn).encoded()
            var task = MoveTaskRecord(handle: handle, sourceArn: sourceArn, destinationArn: destinationArn,
                                      maxNumberOfMessagesPerSecond: maxPerSecond, status: .running, startedAt: now,
                                      lastMessageRowId: lastRowId, messagesToMove: toMove)
            try task.insert(db)
            return handle
        }
        signals.signal(Self.moveTaskSignal)
        return handle
    }

    /// Throws the error `startMessageMoveTask` would throw for these arguments now, without starting
    /// anything: for a caller that must not write when the request is refused (a read-only store).
    public func checkMessageMoveTask(sourceArn: String, destinationArn: String?, maxPerSecond: Int?) async throws(SQSError) {
        _ = try await read { db in
            try self.moveTaskSource(sourceArn: sourceArn, destinationArn: destinationArn, maxPerSecond: maxPerSecond, db)
        }
    }

    /// The source queue of a task StartMessageMoveTask may start, or its error.
    private func moveTaskSource(sourceArn: String, destinationArn: String?, maxPerSecond: Int?, _ db: Database) throws -> QueueRecord {
        if let maxPerSecond, !(1...500).contains(maxPerSecond) {
            throw SQSError.invalidParameter("MaxNumberOfMessagesPerSecond", String(maxPerSecond), reason: "Must be between 1 and 500.")
        }
        guard let source = try self.queue(arn: sourceArn, db) else {
            throw SQSError.resourceNotFound(parameter: "SourceArn")
        }
        let isDeadLetterQueue = try QueueRecord.fetchAll(db).contains { $0.redrivePolicy?.deadLetterTargetArn == sourceArn }
        guard isDeadLetterQueue else {
            throw SQSError(.invalidParameterValue, "Source queue must be configured as a Dead Letter Queue.")
        }
        if let destinationArn, try self.queue(arn: destinationArn, db) == nil {
            throw SQSError.resourceNotFound(parameter: "DestinationArn")
        }
        if try MoveTaskRecord.filter(Column("sourceArn") == sourceArn && Column("status") == MoveTaskRecord.Status.running.rawValue).fetchCount(db) > 0 {
            throw SQSError(.invalidParameterValue, "There is already a task running. Only one active task is allowed for a source queue arn at a given time.")
        }
        return source
    }

    /// Cancels a running task; returns how many messages it had moved.
    public func cancelMessageMoveTask(handle: String) async throws(SQSError) -> Int {
        guard let parsed = MoveTaskHandle(decoding: handle) else { throw .invalidParameter("TaskHandle") }
        return try await write { db in
            guard try self.queue(arn: parsed.sourceArn, db) != nil else {
                throw SQSError.resourceNotFound(parameter: "SourceArn")
            }
            guard var task = try MoveTaskRecord.filter(Column("handle") == handle).fetchOne(db) else {
                throw SQSError.moveTaskNotFound
            }
            guard task.status == .running else {
                throw SQSError.invalidParameter("TaskHandle", handle, reason: "Only tasks with status RUNNING can be cancelled.")
            }
            task.status = .cancelled
            try task.update(db)
            return task.messagesMoved
        }
    }

    /// The most recent tasks of a source queue, newest first.
    public func listMessageMoveTasks(sourceArn: String, maxResults: Int) async throws(SQSError) -> [MoveTaskRecord] {
        guard (1...10).contains(maxResults) else {
            throw .invalidParameter("MaxResults", String(maxResults), reason: "Must be between 1 and 10.")
        }
        return try await read { db in
            guard try self.queue(arn: sourceArn, db) != nil else {
                throw SQSError.resourceNotFound(parameter: "SourceArn")
            }
            return try MoveTaskRecord.filter(Column("sourceArn") == sourceArn)
                .order(Column("id").desc).limit(maxResults).fetchAll(db)
        }
    }

    func runningMoveTasks() async throws(SQSError) -> [MoveTaskRecord] {
        try await read { db in
            try MoveTaskRecord.filter(Column("status") == MoveTaskRecord.Status.running.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    /// Moves the visible messages a running task's rate allows by now; completes or fails it when due.
    /// Returns the task as it stands afterwards (`nil` if there is none with that id). Any number of
    /// advancers (the runtime's runner, `queuelab dlq redrive` in another process) may call it: each
    /// call is one write transaction that reads the task's progress, so together they keep to its
    /// rate and never move a message twice.
    @discardableResult
    public func advanceMoveTask(id: Int64) async throws(SQSError) -> MoveTaskRecord? {
        let now = now()
        let (task, moved) = try await write { db -> (MoveTaskRecord?, [String: Int]) in
            guard var task = try MoveTaskRecord.fetchOne(db, key: id) else { return (nil, [:]) }
            guard task.status == .running else { return (task, [:]) }
            guard let source = try self.queue(arn: task.sourceArn, db) else {
                task.status = .failed
                task.failureReason = "AWS.SimpleQueueService.NonExistentQueue"
                try task.update(db)
                return (task, [:])
            }
            let messages = try MessageRecord
                .filter(MessageRecord.Columns.queueId == source.id && MessageRecord.Columns.id <= task.lastMessageRowId
                        && MessageRecord.Columns.visibleAt <= now)
                .order(MessageRecord.Columns.id).limit(task.allowance(now: now)).fetchAll(db)
            var moved: [String: Int] = [:]
            for message in messages {
                guard let rowId = message.id, let arn = task.destinationArn ?? message.deadLetterSourceArn,
                      let destination = try self.queue(arn: arn, db) else {
                    task.status = .failed
                    task.failureReason = "AWS.SimpleQueueService.NonExistentQueue"
                    break
                }
                // A redriven message starts over in its destination: fresh retention and receive count.
                try db.execute(sql: """
                    UPDATE message SET queueId = ?, receiveCount = 0, firstReceivedAt = NULL, receivedAt = NULL,
                        receiptNonce = NULL, visibleAt = ?, sentAt = ?, deadLetterSourceArn = NULL,
                        deadLetteredAt = NULL, deadLetterAttemptId = NULL
                    WHERE id = ?
                    """, arguments: [destination.id, now, now, rowId])
                try self.recordEvent(.redriven, ofMessageRow: rowId, from: source.name, to: destination.name, at: now, db)
                task.messagesMoved += 1
                moved[destination.name, default: 0] += 1
            }
            let remaining = try MessageRecord
                .filter(MessageRecord.Columns.queueId == source.id && MessageRecord.Columns.id <= task.lastMessageRowId)
                .fetchCount(db)
            if task.status == .running && remaining == 0 { task.status = .completed }
            try task.update(db)
            return (task, moved)
        }
        for (destination, count) in moved {
            activity.record(destination) { $0.sent += count }
            signals.signal(destination)
        }
        return task
    }

    func waitForMoveTasks(after generation: UInt64, timeout: Duration) async {
        await waitForSignal(on: Self.moveTaskSignal, after: generation, timeout: timeout)
    }

    func moveTaskGeneration() -> UInt64 {
        signals.generation(of: Self.moveTaskSignal)
    }
}
