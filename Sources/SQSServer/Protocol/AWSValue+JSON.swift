import Foundation
import QueueStore

extension AWSValue: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let boolean = try? container.decode(Bool.self) {
            self = .boolean(boolean)
        } else if let map = try? container.decode([String: AWSValue].self) {
            self = .map(map)
        } else if let list = try? container.decode([AWSValue].self) {
            self = .list(list)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Unsupported JSON value")
        }
    }

    /// Parses an AWS JSON 1.0 request body (an empty body is an empty structure).
    static func parseJSON(_ bytes: [UInt8]) throws(SQSError) -> AWSValue {
        guard !bytes.isEmpty else { return .map([:]) }
        guard let value = try? JSONDecoder().decode(AWSValue.self, from: Data(bytes)), case .map = value else {
            throw SQSError(.serialization, "Request body is not a valid JSON object.")
        }
        return value
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
