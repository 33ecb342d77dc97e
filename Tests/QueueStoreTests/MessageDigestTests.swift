import Foundation
@testable import QueueStore
import Testing

@Suite("Digests and message rules")
struct MessageDigestTests {
    @Test func bodyDigestIsTheMD5OfTheUTF8Bytes() {
        #expect(MessageDigest.md5Hex(Data("hi".utf8)) == "49f68a5c8493ec2c0bf489821c21fc3b")
    }

    @Test func attributeDigestDependsOnNamesTypesAndValuesButNotOrder() {
        let one = MessageDigest.md5OfAttributes([
            "b": MessageAttributeValue(dataType: "Binary", binaryValue: Data([0, 1])),
            "a": MessageAttributeValue(dataType: "String", stringValue: "x"),
        ])
        let same = MessageDigest.md5OfAttributes([
            "a": MessageAttributeValue(dataType: "String", stringValue: "x"),
            "b": MessageAttributeValue(dataType: "Binary", binaryValue: Data([0, 1])),
        ])
        let otherType = MessageDigest.md5OfAttributes([
            "a": MessageAttributeValue(dataType: "String.label", stringValue: "x"),
            "b": MessageAttributeValue(dataType: "Binary", binaryValue: Data([0, 1])),
        ])
        #expect(one == same)
        #expect(one != otherType)
        #expect(MessageDigest.md5OfAttributes([:]) == nil)
    }

    @Test func bodiesOutsideTheAllowedCharactersAreRefused() {
        #expect(throws: SQSError.self) { try MessageValidation.checkBody("a\u{0}b") }
        #expect(throws: SQSError.self) { try MessageValidation.checkBody("\u{FFFE}") }
        #expect(throws: Never.self) { try MessageValidation.checkBody("tab\tnewline\n emoji 🚀") }
    }

    @Test func receiptHandlesRoundTripAndRejectGarbage() throws {
        let handle = ReceiptHandle(queueId: 3, rowId: 99, nonce: "abc")
        #expect(try ReceiptHandle(decoding: handle.encoded) == handle)
        #expect(throws: SQSError.self) { try ReceiptHandle(decoding: "garbage") }
    }
}
