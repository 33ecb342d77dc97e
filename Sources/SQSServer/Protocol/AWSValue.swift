import Foundation
import QueueStore

/// A request or response document, independent of the wire protocol: JSON 1.0 bodies and Query
/// form parameters both become one, so every action is written once.
enum AWSValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case list([AWSValue])
    case map([String: AWSValue])
    case null

    subscript(key: String) -> AWSValue? {
        if case .map(let members) = self { return members[key] }
        return nil
    }
}

extension AWSValue {
    static func attributesValue(_ attributes: [String: MessageAttributeValue]) -> AWSValue {
        .map(attributes.mapValues { value in
            var members: [String: AWSValue] = ["DataType": .string(value.dataType)]
            if let string = value.stringValue { members["StringValue"] = .string(string) }
            if let binary = value.binaryValue { members["BinaryValue"] = .string(binary.base64EncodedString()) }
            return .map(members)
        })
    }

    static func stringMap(_ values: [String: String]) -> AWSValue {
        .map(values.mapValues { .string($0) })
    }
}
