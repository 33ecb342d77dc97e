import StrictJSON

/// Reading single fields of a JSON object, reporting wrong types, ranges and unknown keys.
extension DefinitionDecoder {
    /// The members of an object whose keys are all in `Keys`; unknown keys are reported (with a
    /// suggestion when one is close) and skipped.
    mutating func object<Keys: RawRepresentable & CaseIterable>(
        _ value: JSONValue, at path: JSONPath, keys: Keys.Type
    ) -> [String: JSONValue]? where Keys.RawValue == String {
        guard case .object(let members) = value else {
            report(.wrongType, at: path, "expected an object, found \(value.kindDescription)")
            return nil
        }
        let allowed = Keys.allCases.map(\.rawValue)
        let suggestions = KeySuggestion(allowedKeys: allowed)
        for key in members.keys.sorted() where !allowed.contains(key) {
            if let suggestion = suggestions.suggestion(for: key) {
                report(.unknownKey, at: path.appending(key), "unknown key; did you mean \"\(suggestion)\"?")
            } else {
                report(.unknownKey, at: path.appending(key), "unknown key; allowed: \(allowed.joined(separator: ", "))")
            }
        }
        return members
    }

    mutating func integer<Key: RawRepresentable>(
        _ members: [String: JSONValue], _ key: Key, in range: ClosedRange<Int>, at path: JSONPath
    ) -> Int? where Key.RawValue == String {
        guard let value = members[key.rawValue] else { return nil }
        let fieldPath = path.appending(key.rawValue)
        guard case .integer(let number) = value else {
            report(.wrongType, at: fieldPath, "expected an integer, found \(value.kindDescription)")
            return nil
        }
        guard range.contains(number) else {
            report(.outOfRange, at: fieldPath, "\(number) is out of range; allowed \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func bool<Key: RawRepresentable>(
        _ members: [String: JSONValue], _ key: Key, at path: JSONPath
    ) -> Bool? where Key.RawValue == String {
        guard let value = members[key.rawValue] else { return nil }
        guard case .bool(let flag) = value else {
            report(.wrongType, at: path.appending(key.rawValue), "expected true or false, found \(value.kindDescription)")
            return nil
        }
        return flag
    }

    /// A string that must not be empty, or `nil` when absent or invalid.
    mutating func nonEmptyString<Key: RawRepresentable>(
        _ members: [String: JSONValue], _ key: Key, at path: JSONPath
    ) -> String? where Key.RawValue == String {
        guard let value = members[key.rawValue] else { return nil }
        let fieldPath = path.appending(key.rawValue)
        guard case .string(let text) = value else {
            report(.wrongType, at: fieldPath, "expected a string, found \(value.kindDescription)")
            return nil
        }
        guard !text.isEmpty else {
            report(.emptyValue, at: fieldPath, "must not be empty")
            return nil
        }
        return text
    }

    mutating func requiredString<Key: RawRepresentable>(
        _ members: [String: JSONValue], _ key: Key, at path: JSONPath
    ) -> String? where Key.RawValue == String {
        guard members[key.rawValue] != nil else {
            report(.missingKey, at: path.appending(key.rawValue), "required key is missing; expected a non-empty string")
            return nil
        }
        return nonEmptyString(members, key, at: path)
    }
}
