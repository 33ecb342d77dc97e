@testable import EventSourceMapping
import Foundation
@testable import QueueStore
import StrictJSON
import Testing

@Suite("Batches: the SQS event's records, at most batchSize messages and 6 MB")
struct BatchCollectorTests {
    static func message(_ id: String, body: String, attributes: [String: MessageAttributeValue] = [:]) -> ReceivedMessage {
        ReceivedMessage(
            messageId: id, receiptHandle: "handle-\(id)", body: body, md5OfBody: "md5",
            attributes: ["ApproximateReceiveCount": "1", "SentTimestamp": "1545082649183", "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                         "ApproximateFirstReceiveTimestamp": "1545082649185"],
            messageAttributes: attributes, md5OfMessageAttributes: attributes.isEmpty ? nil : "attrmd5")
    }

    @Test("a record has exactly the keys Lambda sends, attribute values as strings, binary as base64")
    func recordShape() throws {
        let encoder = EventRecordEncoder(queueARN: "arn:aws:sqs:us-east-2:123456789012:my-queue", region: "us-east-2")
        let message = Self.message("059f36b4", body: "Test message.", attributes: [
            "myAttribute": MessageAttributeValue(dataType: "String", stringValue: "myValue"),
            "blob": MessageAttributeValue(dataType: "Binary", binaryValue: Data([1, 2, 3])),
        ])
        let payload = EventRecordEncoder.payload([encoder.encoded(encoder.record(for: message))])
        guard case .object(let event) = try JSONParser.parse(payload), case .array(let records)? = event["Records"],
              case .object(let record)? = records.first else {
            Issue.record("not an event: \(String(decoding: payload, as: UTF8.self))")
            return
        }
        #expect(Set(record.keys) == ["messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody",
                                     "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion"])
        #expect(record["eventSource"] == "aws:sqs")
        #expect(record["eventSourceARN"] == "arn:aws:sqs:us-east-2:123456789012:my-queue")
        #expect(record["awsRegion"] == "us-east-2")
        #expect(record["attributes"] == ["ApproximateReceiveCount": "1", "SentTimestamp": "1545082649183",
                                          "SenderId": "AIDAIENQZJOLO23YVJ4VO", "ApproximateFirstReceiveTimestamp": "1545082649185"])
        #expect(record["messageAttributes"] == [
            "myAttribute": ["stringValue": "myValue", "stringListValues": [], "binaryListValues": [], "dataType": "String"],
            "blob": ["binaryValue": "AQID", "stringListValues": [], "binaryListValues": [], "dataType": "Binary"],
        ])
    }

    @Test("a message without attributes has no md5OfMessageAttributes")
    func noAttributeDigest() throws {
        let encoder = EventRecordEncoder(queueARN: "arn", region: "us-east-1")
        let record = try JSONParser.parse(encoder.encoded(encoder.record(for: Self.message("a", body: "x"))))
        guard case .object(let fields) = record else { return }
        #expect(fields["md5OfMessageAttributes"] == nil)
        #expect(fields["messageAttributes"] == [:])
    }

    @Test("a batch closes at batchSize")
    func count() {
        var collector = BatchCollector(batchSize: 2)
        #expect(collector.wanted == 2)
        let first = collector.add(Self.message("a", body: "x"), record: Array("{}".utf8))
        #expect(first && collector.wanted == 1)
        let second = collector.add(Self.message("b", body: "x"), record: Array("{}".utf8))
        #expect(second)
        #expect(collector.isFull)
        #expect(String(decoding: collector.payload, as: UTF8.self) == #"{"Records":[{},{}]}"#)
    }

    @Test("asks SQS for at most 10 at a time")
    func wanted() {
        #expect(BatchCollector(batchSize: 10_000).wanted == 10)
    }

    @Test("a message that would take the event past 6 MB closes the batch and is left for the next")
    func sixMegabytes() {
        var collector = BatchCollector(batchSize: 10)
        let megabyte = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for index in 0..<6 {
            let added = collector.add(Self.message("m\(index)", body: ""), record: megabyte)
            #expect(added, "message \(index)")
        }
        let seventh = collector.add(Self.message("m6", body: ""), record: megabyte)
        #expect(!seventh)
        #expect(collector.isFull)
        #expect(collector.messages.count == 6)
        #expect(collector.payload.count <= BatchCollector.payloadLimit)
        let small = collector.add(Self.message("small", body: ""), record: Array("{}".utf8))
        #expect(!small, "closed for good")
    }
}
