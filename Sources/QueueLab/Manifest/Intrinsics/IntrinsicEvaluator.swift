import StrictJSON

/// Evaluates CloudFormation's intrinsic functions in the parts of a manifest QueueLab runs:
/// `Ref`, `Fn::GetAtt`, `Fn::Sub` (both forms) and `Fn::Join`. Any other function is an error
/// naming it and its key; parts QueueLab does not run are never evaluated.
///
/// What references give, as CloudFormation documents it: a queue's `Ref` is its URL, `Arn`,
/// `QueueName` and `QueueUrl` its attributes; a function's `Ref` is its name and `Arn` its ARN;
/// an alias's `Ref` is its ARN; a parameter's `Ref` is its `Default`; `AWS::NoValue` removes the key.
/// Queue names are evaluated on demand (a queue's name may refer to another's), and cycles are errors.
struct IntrinsicEvaluator {
    let file: String
    let target: ManifestTarget
    let stackName: String
    let resources: [String: StackResource]
    /// The template's `Parameters`, by name.
    let parameters: [String: JSONValue]
    /// Names evaluated so far, by logical ID (see `IntrinsicEvaluator+Names`).
    var queueNames: [String: String] = [:]
    var functionNames: [String: String] = [:]
    /// The keys whose names are being evaluated, outermost first, to report cycles.
    private var evaluating: [JSONPath] = []

    init(file: String, target: ManifestTarget, stackName: String, resources: [String: StackResource], parameters: [String: JSONValue]) {
        self.file = file
        self.target = target
        self.stackName = stackName
        self.resources = resources
        self.parameters = parameters
    }

    /// `value` with its intrinsics evaluated; `nil` when it is `{"Ref": "AWS::NoValue"}`. Members
    /// and elements that are `AWS::NoValue` are left out.
    mutating func evaluate(_ value: JSONValue, at key: JSONPath) throws(ManifestLoadError) -> EvaluatedValue? {
        switch value {
        case .object(let members):
            if members.count == 1, let (name, argument) = members.first, Self.isIntrinsic(name) {
                return try intrinsic(name, argument, at: key)
            }
            var evaluated: [String: EvaluatedValue] = [:]
            for (name, member) in members {
                evaluated[name] = try evaluate(member, at: key.appending(name))
            }
            return .object(evaluated)
        case .array(let items):
            var evaluated: [EvaluatedValue] = []
            for (index, item) in items.enumerated() {
                if let element = try evaluate(item, at: key.appending(index: index)) { evaluated.append(element) }
            }
            return .array(evaluated)
        case .null, .bool, .integer, .number, .string:
            return EvaluatedValue(literal: value)
        }
    }

    private static func isIntrinsic(_ name: String) -> Bool {
        name == "Ref" || name.hasPrefix("Fn::")
    }

    private mutating func intrinsic(_ name: String, _ argument: JSONValue, at key: JSONPath) throws(ManifestLoadError) -> EvaluatedValue? {
        let written = EvaluatedValue.compactJSON([name: argument])
        switch (name, argument) {
        case ("Ref", .string(let referenced)):
            return try reference(referenced, written: written, at: key)
        case ("Fn::GetAtt", .array(let parts)):
            guard parts.count == 2, case .string(let logicalID) = parts[0], case .string(let attributeName) = parts[1] else { break }
            return try attribute(attributeName, of: logicalID, written: written, at: key)
        case ("Fn::GetAtt", .string(let dotted)):
            guard let dot = dotted.firstIndex(of: ".") else { break }
            return try attribute(String(dotted[dotted.index(after: dot)...]), of: String(dotted[..<dot]), written: written, at: key)
        case ("Fn::Sub", .string(let template)):
            return .string(try substitute(template, variables: [:], at: key))
        case ("Fn::Sub", .array(let parts)):
            guard parts.count == 2, case .string(let template) = parts[0], case .object(let variables) = parts[1] else { break }
            return .string(try substitute(template, variables: variables, at: key))
        case ("Fn::Join", .array(let parts)):
            guard parts.count == 2, case .string(let delimiter) = parts[0] else { break }
            return .string(try join(parts[1], delimiter: delimiter, at: key.appending(name).appending(index: 1)))
        case ("Ref", _), ("Fn::GetAtt", _), ("Fn::Sub", _), ("Fn::Join", _):
            break
        default:
            throw .unsupportedIntrinsic(file: file, key: key.description, function: name)
        }
        throw .invalidValue(file: file, key: key.description, detail: "\(written) is not a valid \(name); allowed: \(Self.forms[name] ?? name)")
    }

    private static let forms = [
        "Ref": #"{"Ref": "<logical ID, parameter or pseudo parameter>"}"#,
        "Fn::GetAtt": #"{"Fn::GetAtt": ["<logical ID>", "<attribute>"]} or {"Fn::GetAtt": "<logical ID>.<attribute>"}"#,
        "Fn::Sub": #"{"Fn::Sub": "<string>"} or {"Fn::Sub": ["<string>", {"<variable>": <value>}]}"#,
        "Fn::Join": #"{"Fn::Join": ["<delimiter>", [<values>]]}"#,
    ]

    /// `Fn::Sub`: `${Name}` is a `Ref`, `${Name.Attribute}` an `Fn::GetAtt`, `${!Text}` the text
    /// `${Text}`; names of the variable map come first.
    private mutating func substitute(
        _ template: String, variables: [String: JSONValue], at key: JSONPath
    ) throws(ManifestLoadError) -> EndpointString {
        var result = EndpointString("")
        var rest = Substring(template)
        while let open = rest.firstRange(of: "${") {
            result = result + EndpointString(String(rest[..<open.lowerBound]))
            let inside = rest[open.upperBound...]
            guard let close = inside.firstIndex(of: "}") else {
                throw .invalidValue(file: file, key: key.description, detail: "\"\(template)\" has a '${' without '}'")
            }
            let name = String(inside[..<close])
            rest = inside[inside.index(after: close)...]
            if name.hasPrefix("!") {
                result = result + EndpointString("${" + name.dropFirst() + "}")
                continue
            }
            let written = "${\(name)}"
            let value: EvaluatedValue?
            if let variable = variables[name] {
                value = try evaluate(variable, at: key.appending("Fn::Sub").appending(index: 1).appending(name))
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                value = try attribute(String(name[name.index(after: dot)...]), of: String(name[..<dot]), written: written, at: key)
            } else {
                value = try reference(name, written: written, at: key)
            }
            guard let text = value?.text else {
                throw .unresolvedReference(
                    file: file, key: key.description, reference: written,
                    reason: "it gives \(value?.rendered ?? "no value"), which cannot be part of a string")
            }
            result = result + text
        }
        return result + EndpointString(String(rest))
    }

    /// `Fn::Join`: the values, each a string, number or boolean, with `delimiter` between them.
    private mutating func join(_ values: JSONValue, delimiter: String, at key: JSONPath) throws(ManifestLoadError) -> EndpointString {
        guard case .array(let items)? = try evaluate(values, at: key) else {
            throw .invalidValue(file: file, key: key.description, detail: "is not a list; allowed: a list of values to join")
        }
        var texts: [EndpointString] = []
        for (index, item) in items.enumerated() {
            guard let text = item.text else {
                throw .invalidValue(
                    file: file, key: key.appending(index: index).description,
                    detail: "is \(item.rendered); allowed: a string, number or boolean to join")
            }
            texts.append(text)
        }
        return EndpointString.joined(texts, separator: delimiter)
    }

    /// Marks the name at `key` as being evaluated (until `endEvaluating()`), reporting a cycle if
    /// it already is.
    mutating func beginEvaluating(_ key: JSONPath) throws(ManifestLoadError) {
        if let start = evaluating.firstIndex(of: key) {
            throw .circularReference(file: file, key: key.description, chain: (evaluating[start...] + [key]).map(\.description))
        }
        evaluating.append(key)
    }

    mutating func endEvaluating() {
        evaluating.removeLast()
    }
}
