import StrictJSON

/// The manifest document with Serverless Framework variables resolved on demand.
///
/// Only what the plan reads is resolved, so a variable QueueLab cannot resolve (`${ssm:…}`) in a
/// part it does not use (an IAM role, an HTTP event) does not stop the manifest from running.
/// Supported sources: `self`, `opt` (`stage`, `region`), `sls:stage`, `aws` (`region`,
/// `accountId`) and `env`. A string that is one variable takes the referenced value with its type;
/// variables inside a longer string are interpolated (numbers and booleans as text).
struct VariableResolver {
    let file: String
    private let document: JSONValue
    private let target: ManifestTarget
    /// `false` for CloudFormation templates, which have no Serverless variables.
    private let resolvesVariables: Bool
    private var resolvedStrings: [JSONPath: JSONValue] = [:]
    /// The keys whose strings are being resolved, outermost first, to report cycles.
    private var resolving: [JSONPath] = []

    static let sources = ["self", "opt", "sls", "aws", "env"]

    init(document: JSONValue, file: String, target: ManifestTarget, resolvesVariables: Bool) {
        self.document = document
        self.file = file
        self.target = target
        self.resolvesVariables = resolvesVariables
    }

    /// The value at `key` with every variable in it resolved; `nil` when there is none.
    mutating func value(at key: JSONPath) throws(ManifestLoadError) -> JSONValue? {
        guard let node = try shallowValue(at: key) else { return nil }
        return try resolvedTree(node, at: key)
    }

    /// The value at `key` with its own variable resolved, but not those nested in it: enough to
    /// list an object's keys or an array's length without touching their values.
    mutating func shallowValue(at key: JSONPath) throws(ManifestLoadError) -> JSONValue? {
        var node = document
        var walked = JSONPath.root
        for component in key.components {
            node = try resolvedNode(node, at: walked)
            switch (node, component) {
            case (.object(let members), .key(let name)):
                guard let member = members[name] else { return nil }
                node = member
                walked = walked.appending(name)
            case (.array(let items), .index(let index)) where items.indices.contains(index):
                node = items[index]
                walked = walked.appending(index: index)
            case (.array(let items), .key(let name)):
                // `${self:list.0}` addresses an element with a dotted number.
                guard let index = Int(name), items.indices.contains(index) else { return nil }
                node = items[index]
                walked = walked.appending(index: index)
            default:
                return nil
            }
        }
        return try resolvedNode(node, at: walked)
    }

    /// The stage: asked for at start, else `provider.stage`, else `dev` (the framework's `${sls:stage}`).
    mutating func stage() throws(ManifestLoadError) -> String {
        if let stage = target.stage { return stage }
        let key = JSONPath(dotted: "provider.stage")
        switch try value(at: key) {
        case nil, .null?: return "dev"
        case .string(let stage)?: return stage
        case let other?:
            guard let text = EvaluatedValue(literal: other).text?.literal else {
                throw .invalidValue(file: file, key: key.description, detail: "is \(EvaluatedValue(literal: other).rendered); allowed: a string")
            }
            return text
        }
    }

    private mutating func resolvedTree(_ node: JSONValue, at key: JSONPath) throws(ManifestLoadError) -> JSONValue {
        switch try resolvedNode(node, at: key) {
        case .object(let members):
            var resolved: [String: JSONValue] = [:]
            for (name, member) in members {
                resolved[name] = try resolvedTree(member, at: key.appending(name))
            }
            return .object(resolved)
        case .array(let items):
            var resolved: [JSONValue] = []
            for (index, item) in items.enumerated() {
                resolved.append(try resolvedTree(item, at: key.appending(index: index)))
            }
            return .array(resolved)
        case let scalar:
            return scalar
        }
    }

    private mutating func resolvedNode(_ node: JSONValue, at key: JSONPath) throws(ManifestLoadError) -> JSONValue {
        guard resolvesVariables, case .string(let text) = node else { return node }
        if let resolved = resolvedStrings[key] { return resolved }
        let parsed: VariableString?
        do {
            parsed = try VariableString.parse(text)
        } catch {
            throw .invalidValue(file: file, key: key.description, detail: "\(text) is not a valid variable: \(error.reason)")
        }
        guard let parsed else { return node }
        if let start = resolving.firstIndex(of: key) {
            throw .circularReference(
                file: file, key: resolving[start].description, chain: (resolving[start...] + [key]).map(\.description))
        }
        resolving.append(key)
        defer { resolving.removeLast() }
        let resolved = try resolve(parsed, at: key)
        resolvedStrings[key] = resolved
        return resolved
    }

    private mutating func resolve(_ string: VariableString, at key: JSONPath) throws(ManifestLoadError) -> JSONValue {
        if let variable = string.wholeVariable { return try resolve(variable, at: key) }
        return .string(try interpolate(string.pieces, at: key))
    }

    /// Text and variables as one string; a variable must give a string, number or boolean.
    private mutating func interpolate(_ pieces: [VariableString.Piece], at key: JSONPath) throws(ManifestLoadError) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                result += text
            case .variable(let variable):
                let value = EvaluatedValue(literal: try resolve(variable, at: key))
                guard let text = value.text?.literal else {
                    throw .unresolvedVariable(
                        file: file, key: key.description, variable: variable.written,
                        reason: "it gives \(value.rendered), which cannot be part of a string")
                }
                result += text
            }
        }
        return result
    }

    private mutating func resolve(_ variable: VariableString.Variable, at key: JSONPath) throws(ManifestLoadError) -> JSONValue {
        var missing: [String] = []
        for source in variable.sources {
            switch source {
            case .literal(let value):
                return value
            case .variable(let nested):
                return try resolve(nested, at: key)
            case .call(let kind):
                throw unsupportedSource(kind, variable: variable, at: key)
            case .reference(let kind, let addressPieces):
                let address = try interpolate(addressPieces, at: key)
                switch try lookUp(kind, address: address, variable: variable, at: key) {
                case nil, .null?: missing.append("\(kind):\(address)")
                case let value?: return value
                }
            }
        }
        throw .unresolvedVariable(
            file: file, key: key.description, variable: variable.written,
            reason: "no value for \(missing.joined(separator: ", nor for ")), and no fallback")
    }

    private mutating func lookUp(
        _ kind: String, address: String, variable: VariableString.Variable, at key: JSONPath
    ) throws(ManifestLoadError) -> JSONValue? {
        func unsupportedAddress(_ allowed: String) -> ManifestLoadError {
            .unresolvedVariable(
                file: file, key: key.description, variable: variable.written,
                reason: "'\(address)' is not an address of the '\(kind)' source; allowed: \(allowed)")
        }
        switch kind {
        case "self":
            return try value(at: JSONPath(dotted: address))
        case "opt":
            // Options of `queuelab start`: the stage when given, and the region it always has.
            switch address {
            case "stage": return target.stage.map(JSONValue.string)
            case "region": return .string(target.region)
            default: return nil
            }
        case "sls":
            guard address == "stage" else { throw unsupportedAddress("stage") }
            return .string(try stage())
        case "aws":
            switch address {
            case "region": return .string(target.region)
            case "accountId": return .string(target.accountId)
            default: throw unsupportedAddress("region, accountId")
            }
        case "env":
            return target.environment[address].map(JSONValue.string)
        default:
            throw unsupportedSource(kind, variable: variable, at: key)
        }
    }

    private func unsupportedSource(_ kind: String, variable: VariableString.Variable, at key: JSONPath) -> ManifestLoadError {
        .unresolvedVariable(
            file: file, key: key.description, variable: variable.written,
            reason: "the '\(kind)' source is not resolved locally; allowed: \(Self.sources.joined(separator: ", "))")
    }
}
