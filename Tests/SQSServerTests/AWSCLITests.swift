import TestSupport
import Foundation
import Testing

/// The `aws sqs` CLI, unchanged, against the endpoint: every action once, and its errors.
@Suite("SQS endpoint driven by the aws CLI")
struct AWSCLITests {
    private func json(_ output: ClientProcess.Output) throws -> [String: Any] {
        try #require(output.status == 0, "aws failed: \(output.standardError)")
        guard !output.standardOutput.isEmpty else { return [:] }
        return try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    }

    @Test func everyAction() async throws {
        try await RunningRuntime.with { runtime in
            let endpoint = runtime.sqsEndpoint
            func sqs(_ arguments: String...) async throws -> [String: Any] {
                try json(try await ClientProcess.aws(["sqs"] + arguments, endpoint: endpoint))
            }
            let dlqURL = try await sqs("create-queue", "--queue-name", "cli-dlq")["QueueUrl"] as! String
            let dlqArn = (try await sqs("get-queue-attributes", "--queue-url", dlqURL, "--attribute-names", "QueueArn")["Attributes"] as! [String: String])["QueueArn"]!
            let url = try await sqs("create-queue", "--queue-name", "cli", "--attributes",
                                    #"{"RedrivePolicy":"{\"deadLetterTargetArn\":\"\#(dlqArn)\",\"maxReceiveCount\":\"1\"}"}"#)["QueueUrl"] as! String
            #expect(try await sqs("get-queue-url", "--queue-name", "cli")["QueueUrl"] as? String == url)
            #expect((try await sqs("list-queues")["QueueUrls"] as? [String])?.sorted() == [url, dlqURL].sorted())
            _ = try await sqs("set-queue-attributes", "--queue-url", url, "--attributes", "VisibilityTimeout=0")
            let sent = try await sqs("send-message", "--queue-url", url, "--message-body", "hi")
            #expect(sent["MD5OfMessageBody"] as? String == "49f68a5c8493ec2c0bf489821c21fc3b")
            let batch = try await sqs("send-message-batch", "--queue-url", url, "--entries", "Id=a,MessageBody=one", "Id=b,MessageBody=two")
            #expect((batch["Successful"] as? [Any])?.count == 2)
            let received = try await sqs("receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                                         "--visibility-timeout", "600")
            let messages = try #require(received["Messages"] as? [[String: Any]])
            #expect(messages.count == 3)
            let handles = messages.map { $0["ReceiptHandle"] as! String }
            _ = try await sqs("change-message-visibility", "--queue-url", url, "--receipt-handle", handles[0], "--visibility-timeout", "60")
            _ = try await sqs("change-message-visibility-batch", "--queue-url", url, "--entries",
                              "Id=c,ReceiptHandle=\(handles[1]),VisibilityTimeout=60")
            _ = try await sqs("delete-message", "--queue-url", url, "--receipt-handle", handles[0])
            let deleted = try await sqs("delete-message-batch", "--queue-url", url, "--entries", "Id=d,ReceiptHandle=\(handles[1])")
            #expect((deleted["Successful"] as? [Any])?.count == 1)
            _ = try await sqs("tag-queue", "--queue-url", url, "--tags", "team=crm")
            #expect(try await sqs("list-queue-tags", "--queue-url", url)["Tags"] as? [String: String] == ["team": "crm"])
            _ = try await sqs("untag-queue", "--queue-url", url, "--tag-keys", "team")
            _ = try await sqs("add-permission", "--queue-url", url, "--label", "p", "--aws-account-ids", "111122223333", "--actions", "SendMessage")
            _ = try await sqs("remove-permission", "--queue-url", url, "--label", "p")
            #expect(try await sqs("list-dead-letter-source-queues", "--queue-url", dlqURL)["queueUrls"] as? [String] == [url])
            // The third message was received once with maxReceiveCount 1: the next receive dead-letters it.
            _ = try await sqs("change-message-visibility", "--queue-url", url, "--receipt-handle", handles[2], "--visibility-timeout", "0")
            _ = try await sqs("receive-message", "--queue-url", url)
            // More dead letters, one of them in flight: a move task moves only visible messages and
            // completes only once every message it started with has left, so it is still running
            // when cancelled, however fast it moves the others.
            _ = try await sqs("send-message-batch", "--queue-url", dlqURL, "--entries",
                              "Id=a,MessageBody=one", "Id=b,MessageBody=two", "Id=c,MessageBody=three", "Id=d,MessageBody=four")
            let inFlight = try await sqs("receive-message", "--queue-url", dlqURL, "--visibility-timeout", "600")
            #expect((inFlight["Messages"] as? [Any])?.count == 1)
            let task = try await sqs("start-message-move-task", "--source-arn", dlqArn, "--destination-arn",
                                     "arn:aws:sqs:us-east-1:000000000000:cli", "--max-number-of-messages-per-second", "1")
            let handle = try #require(task["TaskHandle"] as? String)
            let tasks = try await sqs("list-message-move-tasks", "--source-arn", dlqArn)
            #expect((tasks["Results"] as? [[String: Any]])?.first?["Status"] as? String == "RUNNING")
            let cancelled = try await sqs("cancel-message-move-task", "--task-handle", handle)
            let moved = try #require(cancelled["ApproximateNumberOfMessagesMoved"] as? Int)
            #expect(moved <= 4)
            // What the task moved is in the destination; the rest, in flight or not, stayed behind.
            func counts(_ queueURL: String) async throws -> [String: String] {
                try await sqs("get-queue-attributes", "--queue-url", queueURL, "--attribute-names",
                              "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")["Attributes"] as? [String: String] ?? [:]
            }
            #expect(try await counts(url) == ["ApproximateNumberOfMessages": "\(moved)", "ApproximateNumberOfMessagesNotVisible": "0"])
            #expect(try await counts(dlqURL) == ["ApproximateNumberOfMessages": "\(4 - moved)", "ApproximateNumberOfMessagesNotVisible": "1"])
            let afterCancel = try await sqs("list-message-move-tasks", "--source-arn", dlqArn)
            #expect((afterCancel["Results"] as? [[String: Any]])?.first?["Status"] as? String == "CANCELLED")
            _ = try await sqs("purge-queue", "--queue-url", url)
            _ = try await sqs("delete-queue", "--queue-url", url)
        }
    }

    @Test func errorsReachTheCLI() async throws {
        try await RunningRuntime.with { runtime in
            let endpoint = runtime.sqsEndpoint
            let missing = try await ClientProcess.aws(["sqs", "get-queue-url", "--queue-name", "nope"], endpoint: endpoint)
            #expect(missing.status != 0)
            #expect(missing.standardError.contains("AWS.SimpleQueueService.NonExistentQueue"))
            #expect(missing.standardError.contains("The specified queue does not exist."))
            _ = try await ClientProcess.aws(["sqs", "create-queue", "--queue-name", "q"], endpoint: endpoint)
            let url = "\(endpoint)/000000000000/q"
            let tooMany = try await ClientProcess.aws(["sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "11"], endpoint: endpoint)
            #expect(tooMany.standardError.contains("InvalidParameterValue"))
            let badHandle = try await ClientProcess.aws(["sqs", "delete-message", "--queue-url", url, "--receipt-handle", "x"], endpoint: endpoint)
            #expect(badHandle.standardError.contains("ReceiptHandleIsInvalid"))
            let badAttribute = try await ClientProcess.aws(["sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "Bogus=1"], endpoint: endpoint)
            #expect(badAttribute.standardError.contains("InvalidAttributeName"))
            let emptyBatch = try await ClientProcess.aws(["sqs", "delete-message-batch", "--queue-url", url, "--entries", "[]"], endpoint: endpoint)
            #expect(emptyBatch.standardError.contains("EmptyBatchRequest"))
        }
    }
}
