import Foundation
import QueueStore
import TestSupport
import Testing

extension MappingEndToEnd {
    /// `InvocationType: Event` through the Invoke API: retried as Lambda retries a failing function
    /// (waits compressed to 100 and 200 ms), then sent to the function's failure destinations.
    @Suite("Asynchronous invocations")
    struct AsyncInvocationTests {
        /// An event the Python worker fails on (the record's body says so).
        static var failingEvent: [String: Any] { ["Records": [["messageId": "async-1", "body": "fail", "attributes": [String: String]()]]] }

        static let invokeScript = """
            response = lambda_client.invoke(FunctionName=spec["function"], InvocationType="Event", Payload=json.dumps(spec["event"]).encode())
            print(json.dumps({"status": response["StatusCode"], "requestId": response["ResponseMetadata"]["RequestId"]}))
            """

        static let receiveScript = """
            result = {}
            for name in spec["queues"]:
                received = sqs.receive_message(QueueUrl=queue_url(name), MaxNumberOfMessages=10, MessageAttributeNames=["All"])
                result[name] = received.get("Messages", [])
            print(json.dumps(result))
            """

        @Test("a failing function is tried 1 + maximumRetryAttempts times with one request id; then onFailure gets Lambda's invocation record and the DeadLetterConfig queue the event with RequestID, ErrorCode and ErrorMessage")
        func retriesAndFailureDestinations() async throws {
            var manifest = TestManifest()
            for queue in ["failures", "dead", "once-failures"] { manifest.queue(queue) }
            manifest.function("flaky", runtime: .python, settings: [
                "destinations": ["onFailure": ["arn": TestManifest.arn("failures"), "type": "sqs"]],
                "onError": TestManifest.arn("dead"),
            ])
            manifest.function("once", runtime: .python, settings: [
                "maximumRetryAttempts": 0, "destinations": ["onFailure": ["arn": TestManifest.arn("once-failures"), "type": "sqs"]],
            ])
            try await RunningRuntime.with(manifest) { runtime, workspace in
                let boto3 = Boto3(runtime: runtime)
                let invoked = try #require(try await boto3.run(Self.invokeScript, spec: ["function": "flaky", "event": Self.failingEvent]) as? [String: Any])
                #expect(invoked["status"] as? Int == 202)
                let answeredRequestId = try #require(invoked["requestId"] as? String)
                let cli = try await ClientProcess.aws(
                    ["lambda", "invoke", "--function-name", "once", "--invocation-type", "Event",
                     "--payload", String(decoding: try JSONSerialization.data(withJSONObject: Self.failingEvent), as: UTF8.self),
                     "out.json"],
                    endpoint: runtime.lambda.url, in: runtime.directory)
                #expect(cli.status == 0, "\(cli.standardError)")
                #expect(jsonObject(cli.standardOutput)["StatusCode"] as? Int == 202)

                try await waitUntil("every failure delivered") {
                    for queue in ["failures", "dead", "once-failures"] where try await runtime.store.storedMessages(inQueue: queue).count != 1 {
                        return false
                    }
                    return true
                }
                let received = try #require(
                    try await boto3.run(Self.receiveScript, spec: ["queues": ["failures", "dead", "once-failures"]]) as? [String: [[String: Any]]])

                // flaky: three tries of one request, each recorded.
                let requestId = try #require(try workspace.journal("flaky").first?.requestId)
                #expect(try workspace.journal("flaky").map(\.requestId) == [requestId, requestId, requestId])
                #expect(answeredRequestId == requestId, "the 202's X-Amzn-RequestId is the event's request id")
                let attempts = try await runtime.store.deliveryAttempts(function: "flaky")
                #expect(attempts.map(\.outcome) == [.functionError, .functionError, .functionError])
                #expect(attempts.allSatisfy { $0.invocationType == "Event" && $0.requestId == requestId && $0.mappingId == nil })
                #expect(attempts.allSatisfy { $0.errorType == "RuntimeError" && $0.errorMessage == "the message asked to fail" })

                let record = try Self.body(of: received["failures"])
                #expect(record["version"] as? String == "1.0")
                #expect((record["timestamp"] as? String).flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) } != nil)
                let context = try #require(record["requestContext"] as? [String: Any])
                #expect(context["requestId"] as? String == requestId)
                #expect(context["functionArn"] as? String == "arn:aws:lambda:us-east-1:000000000000:function:flaky:$LATEST")
                #expect(context["condition"] as? String == "RetriesExhausted")
                #expect(context["approximateInvokeCount"] as? Int == 3)
                #expect(try Self.canonical(record["requestPayload"] ?? NSNull()) == Self.canonical(Self.failingEvent))
                let response = try #require(record["responseContext"] as? [String: Any])
                #expect(response["statusCode"] as? Int == 200)
                #expect(response["executedVersion"] as? String == "$LATEST")
                #expect(response["functionError"] as? String == "Unhandled")
                let payload = try #require(record["responsePayload"] as? [String: Any])
                #expect(payload["errorType"] as? String == "RuntimeError")
                #expect(payload["errorMessage"] as? String == "the message asked to fail")

                let dead = try #require(received["dead"]?.first)
                #expect(try Self.canonical(Self.body(of: received["dead"])) == Self.canonical(Self.failingEvent), "the event as it was")
                let deadAttributes = try #require(dead["MessageAttributes"] as? [String: [String: String]])
                #expect(deadAttributes["RequestID"] == ["DataType": "String", "StringValue": requestId])
                #expect(deadAttributes["ErrorCode"] == ["DataType": "Number", "StringValue": "200"])
                #expect(deadAttributes["ErrorMessage"]?["DataType"] == "String")
                #expect(deadAttributes["ErrorMessage"]?["StringValue"]?.contains("the message asked to fail") == true)

                // once: maximumRetryAttempts 0, so one try.
                #expect(try workspace.journal("once").count == 1)
                let onceAttempts = try await runtime.store.deliveryAttempts(function: "once")
                #expect(onceAttempts.map(\.outcome) == [.functionError])
                #expect(onceAttempts.first?.invocationType == "Event")
                let onceRecord = try Self.body(of: received["once-failures"])
                let onceContext = try #require(onceRecord["requestContext"] as? [String: Any])
                #expect(onceContext["approximateInvokeCount"] as? Int == 1)
                #expect(onceContext["condition"] as? String == "RetriesExhausted")
                #expect(onceContext["requestId"] as? String == onceAttempts.first?.requestId)
            }
        }

        /// JSON text with sorted keys, to compare JSON values.
        static func canonical(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }

        /// The JSON body of the only message received.
        static func body(of messages: [[String: Any]]?) throws -> [String: Any] {
            let messages = try #require(messages)
            #expect(messages.count == 1)
            let body = try #require(messages.first?["Body"] as? String)
            return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        }
    }
}
