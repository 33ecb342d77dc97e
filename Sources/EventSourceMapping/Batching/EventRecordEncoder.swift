import Foundation
import LambdaHandler
import QueueStore

/// Turns received messages into the records of the SQS event Lambda sends (`Records[]` with
/// camel-case keys, string attribute values, base64 binary attributes), each encoded on its own so
/// that a batch knows its payload size before it is sent.
struct EventRecordEncoder {
    let queueARN: String
    let region: String
    private let encoder: JSONEncoder

    init(queueARN: String, region: String) {
        self.queueARN = queueARN
        self.region = region
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    func record(for message: ReceivedMessage) -> SQSEvent.Message {
        SQSEvent.Message(
            messageId: message.messageId, receiptHandle: message.receiptHandle, body: message.body,
            attributes: message.attributes, messageAttributes: message.messageAttributes.mapValues(Self.attribute),
            md5OfBody: message.md5OfBody, md5OfMessageAttributes: message.md5OfMessageAttributes,
            eventSourceARN: queueARN, awsRegion: region)
    }

    /// The record's JSON, as it appears in the event.
    func encoded(_ record: SQSEvent.Message) -> [UInt8] {
        // Every field is a string, a string map or a list of strings: encoding cannot fail.
        (try? Array(encoder.encode(record))) ?? []
    }

    private static func attribute(_ value: MessageAttributeValue) -> SQSEvent.MessageAttribute {
        SQSEvent.MessageAttribute(
            stringValue: value.isBinary ? nil : value.stringValue,
            binaryValue: value.binaryValue?.base64EncodedString(), dataType: value.dataType)
    }

    /// `{"Records":[` … `]}` around encoded records: the event's bytes without decoding them again.
    static let envelopeHead = Array(#"{"Records":["#.utf8)
    static let envelopeTail = Array("]}".utf8)

    static func payload(_ records: [[UInt8]]) -> [UInt8] {
        var payload = envelopeHead
        payload.reserveCapacity(envelopeHead.count + records.reduce(0) { $0 + $1.count + 1 } + envelopeTail.count)
        for (index, record) in records.enumerated() {
            if index > 0 { payload.append(UInt8(ascii: ",")) }
            payload += record
        }
        return payload + envelopeTail
    }
}
