import Foundation
import FunctionHost
import Testing

@Suite("A Swift SQS worker built on LambdaHandler")
struct SQSHandlerTests {
    static let event = """
        {"Records": [
          {"messageId": "m1", "receiptHandle": "r1", "body": "ok", "attributes": {"ApproximateReceiveCount": "1"},
           "messageAttributes": {"kind": {"stringValue": "person", "stringListValues": [], "binaryListValues": [], "dataType": "String"}},
           "md5OfBody": "x", "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:sync", "awsRegion": "us-east-1"},
          {"messageId": "m2", "receiptHandle": "r2", "body": "fail", "attributes": {}, "messageAttributes": {},
           "md5OfBody": "y", "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:us-east-1:000000000000:sync", "awsRegion": "us-east-1"}
        ]}
        """

    @Test("decodes the SQS event and answers a partial batch response")
    func partialBatchResponse() async throws {
        try await RunningHost.with([RunningHost.swiftFunction("batch", handler: "BatchHandler")]) { running in
            let result = try await running.host.invoke(function: "batch", payload: Array(Self.event.utf8))
            #expect(result.outcome == .succeeded)
            #expect(String(decoding: result.payload, as: UTF8.self) == #"{"batchItemFailures":[{"itemIdentifier":"m2"}]}"#)
            #expect(result.logLines.contains("\(result.requestID)\tprocessing m1 from arn:aws:sqs:us-east-1:000000000000:sync"))
        }
    }

    @Test("an event that does not decode fails with Runtime.UnmarshalError")
    func undecodableEvent() async throws {
        try await RunningHost.with([RunningHost.swiftFunction("batch", handler: "BatchHandler")]) { running in
            let result = try await running.host.invoke(function: "batch", payload: Array(#"{"Records": 3}"#.utf8))
            #expect(result.outcome == .functionError)
            #expect(result.json["errorType"] as? String == "Runtime.UnmarshalError")
        }
    }
}
