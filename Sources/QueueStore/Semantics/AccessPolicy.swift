import Foundation
import StrictJSON

/// A queue's access policy (its `Policy` attribute) as AddPermission and RemovePermission edit it:
/// statements are added and removed by `Sid`, everything else in the document is kept as it is.
/// Policies are stored and reported, not enforced.
struct AccessPolicy: Equatable {
    /// The document's members other than `Statement`.
    var members: [String: JSONValue]
    var statements: [JSONValue]

    /// The document SQS starts from when AddPermission finds a queue without a policy.
    init(newFor queueArn: String) {
        members = ["Version": "2008-10-17", "Id": .string("\(queueArn)/SQSDefaultPolicy")]
        statements = []
    }

    init(parsing text: String) throws(SQSError) {
        guard case .object(var members)? = try? JSONParser.parse(Array(text.utf8)) else {
            throw SQSError(.internalError, "The queue's policy is not a JSON object.")
        }
        switch members.removeValue(forKey: "Statement") {
        case .array(let statements)?: self.statements = statements
        case let statement?: self.statements = [statement]
        case nil: self.statements = []
        }
        self.members = members
    }

    func statementIndex(_ label: String) -> Int? {
        statements.firstIndex { statement in
            guard case .object(let members) = statement, case .string(let sid)? = members["Sid"] else { return false }
            return sid == label
        }
    }

    /// The statement AddPermission writes, as SQS writes it: each principal as its account's root,
    /// and a single principal or action as a string rather than a list.
    static func statement(label: String, accountIds: [String], actions: [String], queueArn: String) -> JSONValue {
        func oneOrList(_ values: [String]) -> JSONValue {
            values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
        }
        return .object([
            "Sid": .string(label),
            "Effect": "Allow",
            "Principal": .object(["AWS": oneOrList(accountIds.map { "arn:aws:iam::\($0):root" })]),
            "Action": oneOrList(actions.map { "SQS:\($0)" }),
            "Resource": .string(queueArn),
        ])
    }

    func encoded() throws(SQSError) -> String {
        var document = members
        document["Statement"] = .array(statements)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(JSONValue.object(document)), as: UTF8.self)
        } catch {
            throw SQSError(.internalError, "The queue's policy could not be encoded: \(error)")
        }
    }
}

extension QueueRecord {
    /// The queue's policy, or the one SQS starts from when it has none.
    func accessPolicy() throws(SQSError) -> AccessPolicy {
        guard let policy else { return AccessPolicy(newFor: arn) }
        return try AccessPolicy(parsing: policy)
    }
}
