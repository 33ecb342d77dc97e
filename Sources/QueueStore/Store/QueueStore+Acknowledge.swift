import GRDB

extension QueueStore {
    /// Deletes received messages. As in SQS, a handle from an earlier receive of a message that has
    /// since been received again succeeds without deleting it, and deleting twice succeeds.
    public func deleteMessages(fromQueue name: String, receiptHandles: [String]) async throws(SQSError) -> [Result<Void, SQSError>] {
        let (results, deleted) = try await write { db in
            let queue = try self.queue(named: name, db)
            var deleted = 0
            let results = try receiptHandles.map { handle in
                do {
                    if try self.deleteReceived(try Self.receipt(handle, of: queue), of: queue, db) { deleted += 1 }
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

    /// Deletes the message if the receipt is its current one; says whether it did.
    func deleteReceived(_ receipt: ReceiptHandle, of queue: QueueRecord, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM message WHERE id = ? AND queueId = ? AND receiptNonce = ?")
            .execute(arguments: [receipt.rowId, queue.id, receipt.nonce])
        return db.changesCount > 0
    }

    /// Changes the visibility of in-flight messages, counting the 12-hour cap from their receive.
    public func changeVisibility(
        ofQueue name: String, _ changes: [(receiptHandle: String, visibilityTimeout: Int)]
    ) async throws(SQSError) -> [Result<Void, SQSError>] {
        let now = now()
        let results = try await write { db in
            let queue = try self.queue(named: name, db)
            return try changes.map { change in
                do {
                    try self.changeVisibility(of: queue, change.receiptHandle, to: change.visibilityTimeout, now: now, db)
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

    private func changeVisibility(of queue: QueueRecord, _ handle: String, to timeout: Int, now: Int64, _ db: Database) throws {
        guard (0...43_200).contains(timeout) else {
            throw SQSError.invalidParameter("VisibilityTimeout", String(timeout), reason: "Must be between 0 and 43200, if provided.")
        }
        let receipt = try Self.receipt(handle, of: queue)
        let statement = try db.cachedStatement(sql: "SELECT * FROM message WHERE id = ? AND queueId = ?")
        guard let message = try MessageRecord.fetchOne(statement, arguments: [receipt.rowId, queue.id]),
              message.receiptNonce == receipt.nonce
        else {
            throw SQSError.invalidParameter("ReceiptHandle", handle, reason: "Message does not exist or is not available for visibility timeout change.")
        }
        guard message.visibleAt > now else {
            throw SQSError(.messageNotInflight, "The message referred to isn't in flight.")
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
