import StrictJSON

extension JSONValue {
    /// How the value is named in "expected …, found …" messages.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "boolean \(value)"
        case .integer(let value): "integer \(value)"
        case .number(let value): "number \(value)"
        case .string(let value): "string \"\(value)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
