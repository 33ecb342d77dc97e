import Foundation
import Primitives

/// A message with everything computed that does not depend on its queue: id, digests and the
/// stored form of its attributes.
struct PreparedMessage: Sendable {
    let message: OutgoingMessage
    let messageId: String
    let md5OfBody: String
    let md5OfAttributes: String?
    let md5OfSystemAttributes: String?
    let attributesJSON: String?

    init(_ message: OutgoingMessage) {
        self.message = message
        messageId = RandomIdentifier.uuidString()
        md5OfBody = MessageDigest.md5Hex(Data(message.body.utf8))
        md5OfAttributes = MessageDigest.md5OfAttributes(message.attributes)
        md5OfSystemAttributes = MessageDigest.md5OfAttributes(message.systemAttributes)
        attributesJSON = message.attributes.isEmpty
            ? nil
            : (try? JSONEncoder().encode(message.attributes)).map { String(decoding: $0, as: UTF8.self) }
    }
}
