import StrictJSON

/// A JSON object from a request, with typed look-ups whose errors name the field
/// (`data.target_url`). An absent field is nil for the `optional…` look-ups; a field of the wrong
/// type is always an error.
struct JSONObject: Sendable {
    let fields: [String: JSONValue]
    /// Where the object sits in the body, for error messages; empty at the top.
    let path: String

    var value: JSONValue { .object(fields) }

    func string(_ key: String) throws(MockAPIError) -> String {
        try required(key, optionalString(key))
    }

    func optionalString(_ key: String) throws(MockAPIError) -> String? {
        try field(key, "a string") { if case .string(let value) = $0 { value } else { nil } }
    }

    func integer(_ key: String) throws(MockAPIError) -> Int {
        try required(key, optionalInteger(key))
    }

    func optionalInteger(_ key: String) throws(MockAPIError) -> Int? {
        try field(key, "a whole number") { if case .integer(let value) = $0 { value } else { nil } }
    }

    func object(_ key: String) throws(MockAPIError) -> JSONObject {
        try required(key, optionalObject(key))
    }

    func optionalObject(_ key: String) throws(MockAPIError) -> JSONObject? {
        try field(key, "an object") { if case .object(let fields) = $0 { JSONObject(fields: fields, path: name(key)) } else { nil } }
    }

    func objects(_ key: String) throws(MockAPIError) -> [JSONObject] {
        try required(key, optionalObjects(key))
    }

    /// The array at `key`, every element an object.
    func optionalObjects(_ key: String) throws(MockAPIError) -> [JSONObject]? {
        try field(key, "an array of objects") { value in
            guard case .array(let elements) = value else { return nil }
            var objects: [JSONObject] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let fields) = element else { return nil }
                objects.append(JSONObject(fields: fields, path: "\(name(key))[\(index)]"))
            }
            return objects
        }
    }

    /// The array at `key`, every element a string.
    func optionalStrings(_ key: String) throws(MockAPIError) -> [String]? {
        try field(key, "an array of strings") { value in
            guard case .array(let elements) = value else { return nil }
            var strings: [String] = []
            for case .string(let string) in elements { strings.append(string) }
            return strings.count == elements.count ? strings : nil
        }
    }

    /// `fields` with `key` set to `value`, for echoing a stored body with its new id.
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        var fields = fields
        fields[key] = value
        return .object(fields)
    }

    private func name(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private func field<T>(_ key: String, _ expected: String, _ extract: (JSONValue) -> T?) throws(MockAPIError) -> T? {
        guard let value = fields[key], value != .null else { return nil }
        guard let extracted = extract(value) else { throw .badRequest("\(name(key)) must be \(expected)") }
        return extracted
    }

    private func required<T>(_ key: String, _ value: T?) throws(MockAPIError) -> T {
        guard let value else { throw .badRequest("\(name(key)) is required") }
        return value
    }
}
