import StrictJSON

extension FilterPattern {
    /// A refused pattern: the rule it breaks, and where.
    struct Invalid: Error, Equatable {
        let reason: String

        init(reason: String) {
            self.reason = reason
        }

        /// A rule broken at a field, named by its dotted path from the top of the pattern.
        init(at path: String, _ rule: String) {
            reason = "Field \"\(path)\": \(rule)"
        }

        /// A value's kind as a refusal names it.
        static func kind(of value: JSONValue) -> String {
            switch value {
            case .null: "null"
            case .bool(let flag): "\(flag)"
            case .integer(let number): "the number \(number)"
            case .number(let number): "the number \(number)"
            case .string(let text): "the string \"\(text)\""
            case .array(let elements): elements.isEmpty ? "an empty array" : "an array"
            case .object(let object): object.isEmpty ? "an empty object" : "an object"
            }
        }
    }

    /// Parses a `Filter.Pattern`, refusing what AWS refuses as "Invalid filter pattern definition."
    init(parsing text: String) throws(Invalid) {
        // The API model's length limit counts characters as Java does, in UTF-16 code units.
        let length = text.utf16.count
        guard length <= FilterCriteria.maximumPatternLength else {
            throw Invalid(
                reason: "The pattern is \(length) characters long; the limit is \(FilterCriteria.maximumPatternLength)."
            )
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(text.utf8))
        } catch {
            throw Invalid(reason: "The pattern is not valid JSON (\(error.description)).")
        }
        guard case .object(let object) = document, !object.isEmpty else {
            throw Invalid(
                reason: "The pattern must be a JSON object naming at least one field, like "
                    + "{\"body\": {\"status\": [\"done\"]}}; found \(Invalid.kind(of: document))."
            )
        }
        try self.init(object: object, path: "")
    }

    /// `path` is the dotted path of the object's fields ("" at the top); `$or` alternatives share
    /// their parent's path, as their fields sit beside its own.
    fileprivate init(object: [String: JSONValue], path: String) throws(Invalid) {
        var fields: [String: Rule] = [:]
        var alternatives: [FilterPattern] = []
        // Sorted so that of several broken fields, the same one is always reported.
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            if name == "$or" {
                alternatives = try Self.alternatives(value, parentPath: path, orPath: fieldPath)
            } else {
                fields[name] = try Rule(parsing: value, at: fieldPath)
            }
        }
        self.init(fields: fields, alternatives: alternatives)
    }

    /// `$or` is reserved: Event Ruler reads it as a plain field name unless it holds two or more
    /// objects, but QueueLab refuses those legacy forms rather than guess.
    private static func alternatives(
        _ value: JSONValue, parentPath: String, orPath: String
    ) throws(Invalid) -> [FilterPattern] {
        guard case .array(let choices) = value else {
            throw Invalid(
                at: orPath,
                "$or takes an array of patterns, like [{\"a\": [\"x\"]}, {\"b\": [\"y\"]}]; "
                    + "found \(Invalid.kind(of: value))."
            )
        }
        guard choices.count >= 2 else {
            throw Invalid(at: orPath, "$or needs at least two alternatives; found \(choices.count).")
        }
        var alternatives: [FilterPattern] = []
        for choice in choices {
            guard case .object(let object) = choice, !object.isEmpty else {
                throw Invalid(at: orPath, "each $or alternative must be an object naming at least one field.")
            }
            alternatives.append(try FilterPattern(object: object, path: parentPath))
        }
        return alternatives
    }
}

extension FilterPattern.Rule {
    /// A field's value in a pattern: an object of nested fields, or an array of values to match.
    init(parsing value: JSONValue, at path: String) throws(FilterPattern.Invalid) {
        switch value {
        case .object(let object):
            guard !object.isEmpty else {
                throw FilterPattern.Invalid(
                    at: path, "empty objects are not allowed; name at least one field to match."
                )
            }
            self = .nested(try FilterPattern(object: object, path: path))
        case .array(let elements):
            self = .matchers(try FilterMatcher.list(parsing: elements, at: path))
        default:
            throw FilterPattern.Invalid(
                at: path,
                "must be an object of nested fields or an array of values to match, like [\"value\"]; "
                    + "found \(FilterPattern.Invalid.kind(of: value))."
            )
        }
    }
}
