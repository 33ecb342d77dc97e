import Foundation
import QueueStore

extension AWSValue {
    /// Parses an AWS JSON 1.0 request body (an empty body is an empty structure).
    static func parseJSON(_ bytes: [UInt8]) throws(SQSError) -> AWSValue {
        guard !bytes.isEmpty else { return .map([:]) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let value = AWSValue(jsonObject: object), case .map = value
        else {
            throw SQSError(.serialization, "Request body is not a valid JSON object.")
        }
        return value
    }

    /// Converts what JSONSerialization produced; numbers must be integers (SQS has no others).
    private init?(jsonObject: Any) {
        switch jsonObject {
        case let string as String: self = .string(string)
        case let map as [String: Any]:
            var members: [String: AWSValue] = [:]
            members.reserveCapacity(map.count)
            for (key, member) in map {
                guard let value = AWSValue(jsonObject: member) else { return nil }
                members[key] = value
            }
            self = .map(members)
        case let list as [Any]:
            var items: [AWSValue] = []
            items.reserveCapacity(list.count)
            for item in list {
                guard let value = AWSValue(jsonObject: item) else { return nil }
                items.append(value)
            }
            self = .list(items)
        case is NSNull: self = .null
        case let number as NSNumber:
            guard let integer = Int(exactly: number.doubleValue) else { return nil }
            self = .integer(integer)
        default: return nil
        }
    }

    /// Serialises to compact JSON with sorted keys.
    func jsonBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        appendJSON(to: &output)
        return output
    }

    private func appendJSON(to output: inout [UInt8]) {
        switch self {
        case .string(let string): Self.appendJSONString(string, to: &output)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .list(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .map(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendJSONString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.appendJSON(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func appendJSONString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
