import StrictJSON

extension FilterMatcher {
    /// A field's match list: values and operator objects, at least one.
    static func list(parsing elements: [JSONValue], at path: String) throws(FilterPattern.Invalid) -> [FilterMatcher] {
        guard !elements.isEmpty else {
            throw FilterPattern.Invalid(at: path, "empty arrays are not allowed; list at least one value or operator.")
        }
        var matchers: [FilterMatcher] = []
        for element in elements {
            matchers.append(try FilterMatcher(parsing: element, at: path))
        }
        return matchers
    }

    init(parsing value: JSONValue, at path: String) throws(FilterPattern.Invalid) {
        switch value {
        case .string(let text):
            self = .equals(text)
        case .integer, .number, .bool, .null:
            self = .equalsLiteral(value)
        case .array:
            throw FilterPattern.Invalid(
                at: path,
                "a value to match is a string, a number, true, false, null or an operator object like "
                    + "{\"prefix\": \"us-\"}; nested arrays are not allowed."
            )
        case .object(let object):
            guard object.count == 1, let entry = object.first else {
                throw FilterPattern.Invalid(
                    at: path, "an operator object holds exactly one operator; found \(object.count) keys."
                )
            }
            self = try FilterMatcher(operator: entry.key, operand: entry.value, at: path)
        }
    }

    private init(operator name: String, operand: JSONValue, at path: String) throws(FilterPattern.Invalid) {
        switch name {
        case "prefix":
            let (prefix, ignoringCase) = try Self.affix(operand, for: name, at: path)
            self = .prefix(prefix, ignoringCase: ignoringCase)
        case "suffix":
            let (suffix, ignoringCase) = try Self.affix(operand, for: name, at: path)
            self = .suffix(suffix, ignoringCase: ignoringCase)
        case "equals-ignore-case":
            guard case .string(let text) = operand else {
                throw FilterPattern.Invalid(
                    at: path, "equals-ignore-case takes a string; found \(FilterPattern.Invalid.kind(of: operand))."
                )
            }
            self = .equalsIgnoringCase(text.lowercased())
        case "anything-but":
            self = .anythingBut(try Exclusion(parsing: operand, at: path))
        case "numeric":
            self = .numeric(try NumericRange(parsing: operand, at: path))
        case "exists":
            guard case .bool(let mustExist) = operand else {
                throw FilterPattern.Invalid(
                    at: path, "exists takes true or false; found \(FilterPattern.Invalid.kind(of: operand))."
                )
            }
            self = .exists(mustExist)
        case "wildcard", "cidr":
            throw FilterPattern.Invalid(
                at: path, "\"\(name)\" is an EventBridge operator that Lambda event filtering does not support."
            )
        default:
            throw FilterPattern.Invalid(
                at: path,
                "unknown operator \"\(name)\"; the operators are prefix, suffix, equals-ignore-case, anything-but, "
                    + "numeric and exists."
            )
        }
    }

    /// `prefix` and `suffix` take a string, or `{"equals-ignore-case": string}` to ignore case.
    private static func affix(
        _ operand: JSONValue, for name: String, at path: String
    ) throws(FilterPattern.Invalid) -> (text: String, ignoringCase: Bool) {
        if case .string(let text) = operand { return (text, false) }
        if case .object(let options) = operand, options.count == 1,
            case .string(let text)? = options["equals-ignore-case"]
        {
            return (text.lowercased(), true)
        }
        throw FilterPattern.Invalid(
            at: path,
            "\(name) takes a string, or {\"equals-ignore-case\": string} to ignore case; "
                + "found \(FilterPattern.Invalid.kind(of: operand))."
        )
    }
}

extension FilterMatcher.Exclusion {
    /// `anything-but` takes a string or a number, a non-empty list of only strings or only numbers,
    /// or `{"prefix": …}` / `{"suffix": …}` with a non-empty string.
    init(parsing operand: JSONValue, at path: String) throws(FilterPattern.Invalid) {
        switch operand {
        case .string(let text):
            self = .strings([text])
        case .integer(let number):
            self = .numbers([Double(number)])
        case .number(let number):
            self = .numbers([number])
        case .array(let values):
            let strings = values.compactMap { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            }
            let numbers = values.compactMap(FilterMatcher.number)
            if !values.isEmpty, strings.count == values.count {
                self = .strings(strings)
            } else if !values.isEmpty, numbers.count == values.count {
                self = .numbers(numbers)
            } else {
                throw FilterPattern.Invalid(
                    at: path, "an anything-but list holds at least one value, and only strings or only numbers."
                )
            }
        case .object(let object):
            self = try Self(operator: object, at: path)
        case .bool, .null:
            throw FilterPattern.Invalid(
                at: path,
                "anything-but takes a string, a number, a list of them, {\"prefix\": …} or {\"suffix\": …}; "
                    + "found \(FilterPattern.Invalid.kind(of: operand))."
            )
        }
    }

    private init(operator object: [String: JSONValue], at path: String) throws(FilterPattern.Invalid) {
        guard object.count == 1, let entry = object.first else {
            throw FilterPattern.Invalid(
                at: path, "an anything-but operator object holds exactly one operator; found \(object.count) keys."
            )
        }
        switch entry.key {
        case "prefix", "suffix":
            guard case .string(let text) = entry.value, !text.isEmpty else {
                throw FilterPattern.Invalid(
                    at: path,
                    "anything-but \(entry.key) takes a non-empty string; found "
                        + "\(FilterPattern.Invalid.kind(of: entry.value))."
                )
            }
            self = entry.key == "prefix" ? .prefix(text) : .suffix(text)
        case "equals-ignore-case", "wildcard":
            throw FilterPattern.Invalid(
                at: path,
                "anything-but with \(entry.key) is an EventBridge form that Lambda event filtering does not support."
            )
        default:
            throw FilterPattern.Invalid(
                at: path, "anything-but takes {\"prefix\": …} or {\"suffix\": …}; found operator \"\(entry.key)\"."
            )
        }
    }
}
