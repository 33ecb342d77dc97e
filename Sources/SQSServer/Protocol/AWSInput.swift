import Foundation
import QueueStore

/// Typed access to request members, raising the errors SQS raises for missing or mistyped ones.
struct AWSInput: Sendable {
    let members: [String: AWSValue]

    init(_ value: AWSValue) {
        if case .map(let members) = value { self.members = members } else { self.members = [:] }
    }

    func optionalString(_ key: String) throws(SQSError) -> String? {
        switch members[key] {
        case nil, .null: return nil
        case .string(let string): return string
        default: throw Self.wrongType(key, "a string")
        }
    }

    func string(_ key: String) throws(SQSError) -> String {
        guard let value = try optionalString(key) else { throw .missingParameter(key) }
        return value
    }

    func optionalInteger(_ key: String) throws(SQSError) -> Int? {
        switch members[key] {
        case nil, .null: return nil
        case .integer(let number): return number
        case .string(let text):
            guard let number = Int(text) else {
                throw .invalidParameter(key, text, reason: "\(key) must be an integer.")
            }
            return number
        default: throw Self.wrongType(key, "an integer")
        }
    }

    func stringList(_ key: String) throws(SQSError) -> [String] {
        try list(key, of: "strings") { item in
            if case .string(let string) = item { string } else { nil }
        }
    }

    func stringMap(_ key: String) throws(SQSError) -> [String: String] {
        switch members[key] {
        case nil, .null: return [:]
        case .map(let entries):
            var result: [String: String] = [:]
            for (name, value) in entries {
                guard case .string(let string) = value else { throw Self.wrongType(key, "a map of strings") }
                result[name] = string
            }
            return result
        default: throw Self.wrongType(key, "a map of strings")
        }
    }

    func entries(_ key: String) throws(SQSError) -> [AWSInput] {
        try list(key, of: "structures") { item in
            if case .map = item { AWSInput(item) } else { nil }
        }
    }

    /// A list member whose every item `convert` accepts; absent is empty.
    private func list<Item>(_ key: String, of items: String, _ convert: (AWSValue) -> Item?) throws(SQSError) -> [Item] {
        switch members[key] {
        case nil, .null: return []
        case .list(let values):
            return try values.map { value throws(SQSError) in
                guard let item = convert(value) else { throw Self.wrongType(key, "a list of \(items)") }
                return item
            }
        default: throw Self.wrongType(key, "a list of \(items)")
        }
    }

    func messageAttributes(_ key: String) throws(SQSError) -> [String: MessageAttributeValue] {
        switch members[key] {
        case nil, .null: return [:]
        case .map(let entries):
            var result: [String: MessageAttributeValue] = [:]
            for (name, value) in entries {
                let member = AWSInput(value)
                guard case .map = value else { throw Self.wrongType(key, "a map of message attribute values") }
                guard let dataType = try member.optionalString("DataType") else {
                    throw SQSError(.invalidParameterValue, "The message attribute '\(name)' must contain a non-empty message attribute type.")
                }
                var binary: Data?
                if let encoded = try member.optionalString("BinaryValue") {
                    guard let data = Data(base64Encoded: encoded) else {
                        throw .invalidParameter("\(key).\(name).BinaryValue", encoded, reason: "Binary values must be base64-encoded.")
                    }
                    binary = data
                }
                result[name] = MessageAttributeValue(dataType: dataType, stringValue: try member.optionalString("StringValue"), binaryValue: binary)
            }
            return result
        default: throw Self.wrongType(key, "a map of message attribute values")
        }
    }

    private static func wrongType(_ key: String, _ expected: String) -> SQSError {
        SQSError(.serialization, "The value of \(key) must be \(expected).")
    }
}
