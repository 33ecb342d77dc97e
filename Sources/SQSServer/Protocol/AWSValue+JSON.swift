import QueueStore
import StrictJSON

extension AWSValue {
    /// Parses an AWS JSON 1.0 request body (an empty body is an empty structure).
    static func parseJSON(_ bytes: [UInt8]) throws(SQSError) -> AWSValue {
        guard !bytes.isEmpty else { return .map([:]) }
        guard let document = try? JSONParser.parse(bytes), let value = AWSValue(json: document), case .map = value else {
            throw SQSError(.serialization, "Request body is not a valid JSON object.")
        }
        return value
    }

    /// Numbers must be whole (SQS has no others); `1.0` counts as `1`.
    private init?(json: JSONValue) {
        switch json {
        case .string(let string): self = .string(string)
        case .integer(let number): self = .integer(number)
        case .number(let number):
            guard let integer = Int(exactly: number) else { return nil }
            self = .integer(integer)
        case .bool(let flag): self = .boolean(flag)
        case .null: self = .null
        case .array(let items):
            var values: [AWSValue] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let value = AWSValue(json: item) else { return nil }
                values.append(value)
            }
            self = .list(values)
        case .object(let members):
            var values: [String: AWSValue] = [:]
            values.reserveCapacity(members.count)
            for (key, member) in members {
                guard let value = AWSValue(json: member) else { return nil }
                values[key] = value
            }
            self = .map(values)
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
