import Foundation
@testable import QueueStore
import Testing

/// The queue policy AddPermission writes and the move-task handles and errors, as AWS's recorded
/// answers show them (LocalStack's test_sqs_permission_lifecycle and test_sqs_move_task snapshots).
@Suite("Permissions and message move tasks")
struct PermissionAndMoveTaskTests {
    func policy(_ store: QueueStore, _ queue: String) async throws -> [String: Any]? {
        guard let text = try await store.attributes(ofQueue: queue, names: ["Policy"])["Policy"] else { return nil }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }

    @Test func addPermissionWritesSQSsPolicyAndRemovingTheLastStatementRemovesIt() async throws {
        let fixture = try StoreFixture()
        let queue = try await fixture.createQueue("q")
        try await fixture.store.addPermission(toQueue: "q", label: "one", accountIds: ["111111111111"], actions: ["ReceiveMessage"])
        try await fixture.store.addPermission(toQueue: "q", label: "two", accountIds: ["111111111111", "668614515564"],
                                              actions: ["SendMessage", "DeleteMessage"])
        let document = try #require(try await policy(fixture.store, "q"))
        #expect(document["Version"] as? String == "2008-10-17")
        #expect(document["Id"] as? String == "\(queue.arn)/SQSDefaultPolicy")
        let statements = try #require(document["Statement"] as? [[String: Any]])
        #expect(statements.count == 2)
        #expect(statements[0]["Sid"] as? String == "one")
        #expect(statements[0]["Effect"] as? String == "Allow")
        #expect(statements[0]["Principal"] as? [String: String] == ["AWS": "arn:aws:iam::111111111111:root"])
        #expect(statements[0]["Action"] as? String == "SQS:ReceiveMessage")
        #expect(statements[0]["Resource"] as? String == queue.arn)
        #expect(statements[1]["Principal"] as? [String: [String]]
                == ["AWS": ["arn:aws:iam::111111111111:root", "arn:aws:iam::668614515564:root"]])
        #expect(statements[1]["Action"] as? [String] == ["SQS:SendMessage", "SQS:DeleteMessage"])

        await #expect(throws: SQSError(.invalidParameterValue, "Value one for parameter Label is invalid. Reason: Already exists.")) {
            try await fixture.store.addPermission(toQueue: "q", label: "one", accountIds: ["1"], actions: ["SendMessage"])
        }
        try await fixture.store.removePermission(fromQueue: "q", label: "one")
        try await fixture.store.removePermission(fromQueue: "q", label: "two")
        #expect(try await policy(fixture.store, "q") == nil)
        await #expect(throws: SQSError(.invalidParameterValue, "Value two for parameter Label is invalid. Reason: can't find label.")) {
            try await fixture.store.removePermission(fromQueue: "q", label: "two")
        }
    }

    @Test func addPermissionKeepsAPolicySetByHand() async throws {
        let fixture = try StoreFixture()
        try await fixture.createQueue("q")
        let own = #"{"Version":"2012-10-17","Statement":{"Sid":"mine","Effect":"Deny","Principal":"*","Action":"sqs:*","Resource":"*"}}"#
        try await fixture.store.setAttributes(ofQueue: "q", ["Policy": own])
        try await fixture.store.addPermission(toQueue: "q", label: "added", accountIds: ["1"], actions: ["*"])
        let document = try #require(try await policy(fixture.store, "q"))
        #expect(document["Version"] as? String == "2012-10-17")
        let statements = try #require(document["Statement"] as? [[String: Any]])
        #expect(statements.map { $0["Sid"] as? String } == ["mine", "added"])
        #expect(statements[1]["Action"] as? String == "SQS:*")
    }

    @Test func taskHandlesAreBase64OfTheTaskIdAndSourceArn() throws {
        let handle = MoveTaskHandle(taskId: "10f57157-fc38-4da9-a113-4de7e12d05dd", sourceArn: "arn:aws:sqs:us-east-1:1:dlq")
        let encoded = try handle.encoded()
        let json = try #require(Data(base64Encoded: encoded))
        #expect(try JSONSerialization.jsonObject(with: json) as? [String: String]
                == ["taskId": "10f57157-fc38-4da9-a113-4de7e12d05dd", "sourceArn": "arn:aws:sqs:us-east-1:1:dlq"])
        #expect(MoveTaskHandle(decoding: encoded) == handle)
        for malformed in ["foobared", "bm9wZQ==", Data(#"{"taskId":"x"}"#.utf8).base64EncodedString()] {
            #expect(MoveTaskHandle(decoding: malformed) == nil, "\(malformed)")
        }
    }

    @Test func moveTaskErrorsAreAWSs() async throws {
        let fixture = try StoreFixture()
        let dlq = try await fixture.createQueue("dlq")
        let plain = try await fixture.createQueue("plain")
        try await fixture.createQueue("source", ["RedrivePolicy": #"{"deadLetterTargetArn":"\#(dlq.arn)","maxReceiveCount":1}"#])
        let store = fixture.store

        await #expect(throws: SQSError(.invalidParameterValue, "Source queue must be configured as a Dead Letter Queue.")) {
            try await store.startMessageMoveTask(sourceArn: plain.arn, destinationArn: nil, maxPerSecond: nil)
        }
        let missingDestination = SQSError(.resourceNotFound, "The resource that you specified for the DestinationArn parameter doesn't exist.")
        await #expect(throws: missingDestination) {
            try await store.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: plain.arn + "doesntexist", maxPerSecond: nil)
        }
        #expect(missingDestination.httpStatus == 404)

        let handle = try await store.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: plain.arn, maxPerSecond: 1)
        #expect(MoveTaskHandle(decoding: handle)?.sourceArn == dlq.arn)
        await #expect(throws: SQSError(.invalidParameterValue,
                                       "There is already a task running. Only one active task is allowed for a source queue arn at a given time.")) {
            try await store.startMessageMoveTask(sourceArn: dlq.arn, destinationArn: nil, maxPerSecond: nil)
        }

        await #expect(throws: SQSError(.invalidParameterValue, "Value for parameter TaskHandle is invalid.")) {
            try await store.cancelMessageMoveTask(handle: "foobared")
        }
        let unknownSource = try MoveTaskHandle(taskId: UUID().uuidString, sourceArn: "arn:aws:sqs:us-east-1:1:gone").encoded()
        await #expect(throws: SQSError(.resourceNotFound, "The resource that you specified for the SourceArn parameter doesn't exist.")) {
            try await store.cancelMessageMoveTask(handle: unknownSource)
        }
        let unknownTask = try MoveTaskHandle(taskId: UUID().uuidString, sourceArn: dlq.arn).encoded()
        await #expect(throws: SQSError(.resourceNotFound, "Task does not exist.")) {
            try await store.cancelMessageMoveTask(handle: unknownTask)
        }
        #expect(try await store.cancelMessageMoveTask(handle: handle) == 0)
    }
}
