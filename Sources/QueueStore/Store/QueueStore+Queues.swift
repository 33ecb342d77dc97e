import Foundation
import GRDB

extension QueueStore {
    /// Creates a queue, or returns the existing one when every given attribute matches it.
    public func createQueue(
        name: String, attributes: [String: String] = [:], tags: [String: String] = [:], region: String
    ) async throws(SQSError) -> QueueRecord {
        let isFifo = try Self.validateQueueName(name, attributes: attributes)
        try Self.validateTags(tags)
        let now = now()
        let accountId = accountId
        return try await write { db in
            if let existing = try QueueRecord.filter(Column("name") == name).fetchOne(db) {
                let current = try existing.attributeValues(["All"], counts: QueueCounts())
                for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where current[key] != value {
                    if key == "RedrivePolicy", let policy = try? QueueRecord.parseRedrivePolicy(value),
                       policy == existing.redrivePolicy { continue }
                    throw SQSError(.queueNameExists, "A queue already exists with the same name and a different value for attribute \(key)")
                }
                return existing
            }
            var queue = QueueRecord(name: name, accountId: accountId, region: region, createdAt: now, lastModifiedAt: now)
            queue.fifoQueue = isFifo
            queue.tags = tags
            try queue.apply(attributes, creating: true)
            try self.checkRedriveTarget(of: queue, db)
            try queue.insert(db)
            self.queueCache.clear()
            return queue
        }
    }

    /// Name rules, and agreement between a `.fifo` name and the `FifoQueue` attribute.
    static func validateQueueName(_ name: String, attributes: [String: String]) throws(SQSError) -> Bool {
        let fifoAttribute = attributes["FifoQueue"]
        if let fifoAttribute, !["true", "false"].contains(fifoAttribute.lowercased()) {
            throw SQSError(.invalidAttributeValue, "Invalid value for the parameter FifoQueue.")
        }
        let isFifo = fifoAttribute?.lowercased() == "true"
        let stem = name.hasSuffix(".fifo") ? String(name.dropLast(5)) : name
        let validCharacters = !stem.isEmpty && stem.unicodeScalars.allSatisfy {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_"
        }
        guard validCharacters, name.count <= 80 else {
            throw SQSError(.invalidParameterValue, "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        }
        if isFifo != name.hasSuffix(".fifo") {
            throw SQSError(.invalidParameterValue, "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length. A standard queue's name must not end with .fifo.")
        }
        return isFifo
    }

    static func validateTags(_ tags: [String: String]) throws(SQSError) {
        for (key, value) in tags {
            guard (1...128).contains(key.count), value.count <= 256, !key.lowercased().hasPrefix("aws:") else {
                throw SQSError(.invalidParameterValue, "Tag keys must be 1 to 128 characters, not start with aws:, and tag values at most 256 characters.")
            }
        }
    }

    /// A redrive policy must name an existing queue of the same type that accepts this source.
    func checkRedriveTarget(of queue: QueueRecord, _ db: Database) throws {
        guard let policy = queue.redrivePolicy else { return }
        let json = policy.json
        guard let target = try self.queue(arn: policy.deadLetterTargetArn, db), target.name != queue.name else {
            throw SQSError.invalidParameter("RedrivePolicy", json, reason: "Dead letter target does not exist.")
        }
        guard target.fifoQueue == queue.fifoQueue else {
            throw SQSError.invalidParameter("RedrivePolicy", json, reason: "Dead-letter queue must be same type as source queue.")
        }
        guard target.allowsRedrive(from: queue.arn) else {
            throw SQSError.invalidParameter("RedrivePolicy", json, reason: "The dead-letter queue's RedriveAllowPolicy does not allow this source queue.")
        }
    }

    public func queue(named name: String) async throws(SQSError) -> QueueRecord {
        try await read { db in try self.queue(named: name, db) }
    }

    public func deleteQueue(named name: String) async throws(SQSError) {
        try await write { db in
            _ = try self.queue(named: name, db).delete(db)
            self.queueCache.clear()
        }
        signals.signal(name)
    }

    /// Queue names in name order, after `prefix` filtering; `after` continues a previous page.
    public func listQueueNames(prefix: String?, after: String?, limit: Int?) async throws(SQSError) -> [String] {
        try await read { db in
            var request = QueueRecord.select(Column("name"), as: String.self).order(Column("name"))
            if let prefix { request = request.filter(Column("name").like("\(Self.escapeLike(prefix))%", escape: "\\")) }
            if let after { request = request.filter(Column("name") > after) }
            return try request.limit(limit ?? 1000).fetchAll(db)
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    public func attributes(ofQueue name: String, names: [String]) async throws(SQSError) -> [String: String] {
        let now = now()
        return try await read { db in
            let queue = try self.queue(named: name, db)
            return try queue.attributeValues(names, counts: try self.counts(of: queue, now: now, db))
        }
    }

    func counts(of queue: QueueRecord, now: Int64, _ db: Database) throws -> QueueCounts {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(visibleAt <= ?), 0),
                   COALESCE(SUM(visibleAt > ? AND receiveCount > 0), 0),
                   COALESCE(SUM(visibleAt > ? AND receiveCount = 0), 0)
            FROM message WHERE queueId = ? AND sentAt > ?
            """), arguments: [now, now, now, queue.id, queue.retentionCutoff(now: now)])!
        return QueueCounts(visible: row[0], inFlight: row[1], delayed: row[2])
    }

    public func setAttributes(ofQueue name: String, _ attributes: [String: String]) async throws(SQSError) {
        let now = now()
        try await write { db in
            var queue = try self.queue(named: name, db)
            try queue.apply(attributes, creating: false)
            try self.checkRedriveTarget(of: queue, db)
            queue.lastModifiedAt = now
            try queue.update(db)
            self.queueCache.clear()
        }
        // A changed redrive policy or wait time can matter to a waiting receive.
        signals.signal(name)
    }

    /// Deletes every message and forgets deduplication ids; SQS allows one purge per queue every 60 seconds.
    public func purgeQueue(named name: String) async throws(SQSError) {
        let now = now()
        try await write { db in
            var queue = try self.queue(named: name, db)
            if let last = queue.lastPurgedAt, now - last < 60_000 {
                throw SQSError(.purgeQueueInProgress, "Only one PurgeQueue operation on \(name) is allowed every 60 seconds.")
            }
            try MessageRecord.filter(MessageRecord.Columns.queueId == queue.id).deleteAll(db)
            // A purge forgets FIFO deduplication too (LocalStack's AWS-validated
            // test_purge_queue_clears_fifo_deduplication_cache).
            try db.cachedStatement(sql: "DELETE FROM deduplication WHERE queueId = ?").execute(arguments: [queue.id])
            queue.lastPurgedAt = now
            try queue.update(db)
            self.queueCache.clear()
        }
    }

    /// URLs of the queues whose redrive policy names `name` as their dead-letter queue.
    public func deadLetterSourceQueueNames(of name: String) async throws(SQSError) -> [String] {
        try await read { db in
            let target = try self.queue(named: name, db)
            return try QueueRecord.order(Column("name")).fetchAll(db)
                .filter { $0.redrivePolicy?.deadLetterTargetArn == target.arn }
                .map(\.name)
        }
    }

    /// Every queue with its counts and the age of its oldest message (in milliseconds), for
    /// `queuelab queues` and the live view.
    public func overview() async throws(SQSError) -> [(queue: QueueRecord, counts: QueueCounts, oldestMessageAge: Int64?)] {
        let now = now()
        return try await read { db in
            try QueueRecord.order(Column("name")).fetchAll(db).map { queue in
                let oldest = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT MIN(sentAt) FROM message WHERE queueId = ? AND sentAt > ?"),
                    arguments: [queue.id, queue.retentionCutoff(now: now)])
                return (queue, try self.counts(of: queue, now: now, db), oldest.map { now - $0 })
            }
        }
    }
}

extension QueueStore {
    /// Whether the queue holds any message, visible or not: one index probe, cheap to poll.
    public func hasMessages(inQueue name: String) async throws(SQSError) -> Bool {
        try await read { db in
            let queue = try self.queue(named: name, db)
            return try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM message WHERE queueId = ?)"), arguments: [queue.id]) ?? false
        }
    }
}
