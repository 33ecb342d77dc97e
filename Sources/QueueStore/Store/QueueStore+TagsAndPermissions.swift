import Foundation
import GRDB

extension QueueStore {
    static let maximumTags = 50

    public func tags(ofQueue name: String) async throws(SQSError) -> [String: String] {
        try await read { db in try self.queue(named: name, db).tags }
    }

    public func tagQueue(named name: String, _ tags: [String: String]) async throws(SQSError) {
        try Self.validateTags(tags)
        try await updateQueue(named: name) { queue in
            queue.tags.merge(tags) { _, new in new }
            if queue.tags.count > Self.maximumTags {
                throw SQSError(.invalidParameterValue, "Too many tags added for queue \(name). A queue can have at most \(Self.maximumTags) tags.")
            }
        }
    }

    public func untagQueue(named name: String, keys: [String]) async throws(SQSError) {
        try await updateQueue(named: name) { queue in
            for key in keys { queue.tags.removeValue(forKey: key) }
        }
    }

    /// Adds a statement to the queue's access policy (policies are stored and reported, not enforced).
    public func addPermission(toQueue name: String, label: String, accountIds: [String], actions: [String]) async throws(SQSError) {
        guard !label.isEmpty, label.count <= 80,
              label.unicodeScalars.allSatisfy({ ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_" })
        else {
            throw SQSError.invalidParameter("Label", label, reason: "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        }
        guard !accountIds.isEmpty else { throw SQSError.missingParameter("AWSAccountIds") }
        guard !actions.isEmpty else { throw SQSError.missingParameter("Actions") }
        for action in actions where !Self.permissionActions.contains(action) {
            throw SQSError.invalidParameter("ActionName.1", action, reason: "Please refer to the appropriate WSDL for a list of valid actions.")
        }
        try await updateQueue(named: name) { queue in
            var policy = try queue.accessPolicy()
            if policy.statementIndex(label) != nil {
                throw SQSError.invalidParameter("Label", label, reason: "Already exists.")
            }
            policy.statements.append(AccessPolicy.statement(
                label: label, accountIds: accountIds, actions: actions, queueArn: queue.arn))
            queue.policy = try policy.encoded()
        }
    }

    public func removePermission(fromQueue name: String, label: String) async throws(SQSError) {
        try await updateQueue(named: name) { queue in
            var policy = try queue.accessPolicy()
            guard let index = policy.statementIndex(label) else {
                throw SQSError.invalidParameter("Label", label, reason: "can't find label.")
            }
            policy.statements.remove(at: index)
            // The last statement gone, the queue has no policy.
            queue.policy = policy.statements.isEmpty ? nil : try policy.encoded()
        }
    }

    static let permissionActions: Set<String> = [
        "*", "SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility",
        "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue",
        "ListQueueTags", "ListMessageMoveTasks", "StartMessageMoveTask", "CancelMessageMoveTask",
    ]

    private func updateQueue(named name: String, _ change: @escaping @Sendable (inout QueueRecord) throws -> Void) async throws(SQSError) {
        let now = now()
        try await write { db in
            var queue = try self.queue(named: name, db)
            try change(&queue)
            queue.lastModifiedAt = now
            try queue.update(db)
            self.queueCache.clear()
        }
    }
}
