import Foundation

/// A user message attribute (or a message system attribute): String, Number or Binary, with an
/// optional custom label after the type (`Number.float`).
public struct MessageAttributeValue: Codable, Sendable, Equatable {
    public var dataType: String
    public var stringValue: String?
    public var binaryValue: Data?

    public init(dataType: String, stringValue: String? = nil, binaryValue: Data? = nil) {
        self.dataType = dataType
        self.stringValue = stringValue
        self.binaryValue = binaryValue
    }

    public var isBinary: Bool { dataType.hasPrefix("Binary") }

    /// Bytes this attribute counts toward the message size limit: name, type and value.
    func size(name: String) -> Int {
        name.utf8.count + dataType.utf8.count + (stringValue?.utf8.count ?? 0) + (binaryValue?.count ?? 0)
    }
}
