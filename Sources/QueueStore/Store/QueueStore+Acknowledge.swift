import GRDB

extension QueueStore {
    /// Deletes received messages. As in SQS, deleting twice succeeds, and on a standard queue a
    /// handle from an earlier receive of a message that has since been received again succeeds
    /// without deleting it. A FIFO queue refuses a handle whose visibility timeout has passed.
    public func deleteMessages(fromQueue name: String, receiptHandles: [String]) async throws(SQSError) -> [Result<Void, SQSError>] {
        let now = now()
        let (results, deleted) = try await write { db in
            let queue = try self.queue(named: name, db)
            var deleted = 0
            let results = try receiptHandles.map { handle in
                do {
                    let receipt = try Self.receipt(handle, of: queue)
                    if queue.fifoQueue { try self.checkNotExpired(receipt, handle, of: queue, now: now, db) }
                    if try self.deleteReceived(receipt, of: queue, db) { deleted += 1 }
                    return Result<Void, SQSError>.success(())
                } catch let error as SQSError {
                    return .failure(error)
                }
            }
            return (results, deleted)
        }
        activity.record(name) {
            $0.deleted += deleted
            $0.requests += 1
        }
        return results
    }

    /// FIFO: a message still in the queue may be deleted only with its current receipt, while in flight
    /// (AWS's "The receipt handle has expired.", as its knowledge center article on DeleteMessage
    /// errors quotes it; aws-sdk-js#1750).
    private func checkNotExpired(_ receipt: ReceiptHandle, _ handle: String, of queue: QueueRecord, now: Int64, _ db: Database) throws {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT receiptNonce, visibleAt FROM message WHERE id = ? AND queueId = ?"),
                                   arguments: [receipt.rowId, queue.id])
        guard let row else { return }
        guard row[0] as String? == receipt.nonce, row[1] as Int64 > now else { throw SQSError.expiredReceiptHandle(handle) }
    }

    /// Deletes the message if the receipt is its current one; says whether it did.
    func deleteReceived(_ receipt: ReceiptHandle, of queue: QueueRecord, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM message WHERE id = ? AND queueId = ? AND receiptNonce = ?")
            .execute(arguments: [receipt.rowId, queue.id, receipt.nonce])
        return db.changesCount > 0
    }

    /// Changes the visibility of in-flight messages, counting the 12-hour cap from their receive.
    /// As on AWS (LocalStack's AWS-validated test_terminate_visibility_timeout_after_receive and
    /// PR #9632), on a standard queue any receipt of a message still in the queue will do, and a
    /// message already back in the queue is left as it is; a FIFO queue takes only the current
    /// receipt of a message in flight. `onlyIfStillHeld` holds a standard queue to that too, for a
    /// consumer that must not touch a message someone else may have received since (an event
    /// source mapping renewing or releasing what it holds).
    public func changeVisibility(
        ofQueue name: String, _ changes: [(receiptHandle: String, visibilityTimeout: Int)], onlyIfStillHeld: Bool = false
    ) async throws(SQSError) -> [Result<Void, SQSError>] {
        let now = now()
        let results = try await write { db in
            let queue = try self.queue(named: name, db)
            return try changes.map { change in
                do {
                    try self.changeVisibility(
                        of: queue, change.receiptHandle, to: change.visibilityTimeout, onlyIfStillHeld: onlyIfStillHeld, now: now, db)
                    return Result<Void, SQSError>.success(())
                } catch let error as SQSError {
                    return .failure(error)
                }
            }
        }
        signals.signal(name)
        activity.record(name) { $0.requests += 1 }
        return results
    }

    private func changeVisibility(
        of queue: QueueRecord, _ handle: String, to timeout: Int, onlyIfStillHeld: Bool, now: Int64, _ db: Database
    ) throws {
        guard (0...43_200).contains(timeout) else {
            throw SQSError.invalidParameter("VisibilityTimeout", String(timeout), reason: "Must be between 0 and 43200, if provided.")
        }
        let receipt = try Self.receipt(handle, of: queue)
        let statement = try db.cachedStatement(sql: "SELECT * FROM message WHERE id = ? AND queueId = ?")
        let unavailable = SQSError.invalidParameter(
            "ReceiptHandle", handle, reason: "Message does not exist or is not available for visibility timeout change.")
        guard let message = try MessageRecord.fetchOne(statement, arguments: [receipt.rowId, queue.id]) else { throw unavailable }
        if queue.fifoQueue || onlyIfStillHeld {
            guard message.receiptNonce == receipt.nonce else { throw unavailable }
            guard message.visibleAt > now else {
                throw onlyIfStillHeld ? SQSError(.messageNotInflight, "The message referred to isn't in flight.") : unavailable
            }
        } else if message.visibleAt <= now {
            return
        }
        let receivedAt = message.receivedAt ?? now
        guard now + Int64(timeout) * 1000 - receivedAt <= 43_200_000 else {
            throw SQSError.invalidParameter("VisibilityTimeout", String(timeout), reason: "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]")
        }
        try db.cachedStatement(sql: "UPDATE message SET visibleAt = ? WHERE id = ?").execute(arguments: [now + Int64(timeout) * 1000, receipt.rowId])
    }

    static func receipt(_ handle: String, of queue: QueueRecord) throws(SQSError) -> ReceiptHandle {
        let receipt = try ReceiptHandle(decoding: handle)
        guard receipt.queueId == queue.id else { throw .invalidReceiptHandle(handle) }
        return receipt
    }
}
