import StrictJSON

extension FilterPattern {
    /// Whether the record satisfies this pattern; its top-level `body` goes through the format check.
    func matches(_ message: FilteredMessage) -> Bool {
        matches(object: message.fields, message: message)
    }

    /// Whether `value` (nil when absent) satisfies this pattern. An array satisfies it when one of
    /// its elements does, so fields matched together come from the same element, as in Event Ruler.
    func matches(_ value: JSONValue?) -> Bool {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            return elements.contains { matches($0) }
        case .object(let object):
            return matches(object: object, message: nil)
        default:
            // A scalar, an empty array or nothing: every field named here is absent.
            return matches(object: [:], message: nil)
        }
    }

    /// `message` is given at the top level only, where `body` is read through it.
    private func matches(object: [String: JSONValue], message: FilteredMessage?) -> Bool {
        let fieldsMatch = fields.allSatisfy { name, rule in
            if let message, name == "body" { return message.body(satisfies: rule) }
            return rule.matches(object[name])
        }
        return fieldsMatch
            && (alternatives.isEmpty || alternatives.contains { $0.matches(object: object, message: message) })
    }
}

extension FilterPattern.Rule {
    /// Whether the field's value (nil when absent) satisfies the rule.
    func matches(_ value: JSONValue?) -> Bool {
        switch self {
        case .nested(let pattern):
            return pattern.matches(value)
        case .matchers(let matchers):
            let leaves = Self.leaves(of: value)
            return matchers.contains { $0.matches(leaves) }
        }
    }

    /// The scalar values a field holds, arrays flattened. An object is not a leaf, so to matchers a
    /// field holding one is absent (AWS: "Exists matching only works on leaf nodes").
    private static func leaves(of value: JSONValue?) -> [JSONValue] {
        switch value {
        case nil, .object: []
        case .array(let elements): elements.flatMap { leaves(of: $0) }
        case let scalar?: [scalar]
        }
    }
}
