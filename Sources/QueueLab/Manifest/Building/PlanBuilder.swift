import IntegrationManifest
import Foundation
import StrictJSON

/// Turns a parsed manifest into a `ManifestPlan`: finds its resources, resolves Serverless
/// variables and evaluates intrinsics in the parts QueueLab runs, and checks every value.
struct PlanBuilder {
    let file: String
    let format: ManifestPlan.Format
    let stackName: String
    /// The manifest's folder, where functions' code is.
    let codeDirectory: String
    var document: VariableResolver
    var evaluator: IntrinsicEvaluator
    /// The resources the manifest declares, by logical ID.
    let declared: [DeclaredResource]
    /// The names under `functions` (serverless.json), sorted.
    let serverlessFunctionNames: [String]

    init(document root: JSONValue, file: String, target: ManifestTarget) throws(ManifestLoadError) {
        guard case .object(let members) = root else {
            throw .invalidValue(file: file, key: JSONPath.root.description, detail: "is \(EvaluatedValue(literal: root).rendered); allowed: an object")
        }
        let format: ManifestPlan.Format = members["Resources"] != nil && members["service"] == nil ? .cloudFormation : .serverless
        var document = VariableResolver(document: root, file: file, target: target, resolvesVariables: format == .serverless)
        let stackName: String
        let resourcesKey: JSONPath
        let parameters: [String: JSONValue]
        var functionNames: [String] = []
        switch format {
        case .serverless:
            stackName = try Self.serviceName(&document, file: file) + "-" + document.stage()
            resourcesKey = JSONPath(dotted: "resources.Resources")
            parameters = [:]
            guard case .object? = try document.shallowValue(at: JSONPath(dotted: "provider")) else {
                throw .invalidValue(file: file, key: "provider", detail: "is required: an object with name \"aws\"")
            }
            functionNames = try Self.keys(&document, at: JSONPath(dotted: "functions"), file: file)
        case .cloudFormation:
            stackName = Self.stackName(file: file)
            resourcesKey = JSONPath(dotted: "Resources")
            parameters = try Self.members(&document, at: JSONPath(dotted: "Parameters"), file: file)
        }
        var resources: [String: StackResource] = [:]
        var declared: [DeclaredResource] = []
        for logicalID in try Self.keys(&document, at: resourcesKey, file: file) {
            guard let resource = try Self.declaredResource(&document, logicalID, at: resourcesKey.appending(logicalID), file: file) else { continue }
            declared.append(resource)
            resources[logicalID] = .declared(resource)
        }
        for name in functionNames {
            let provisioned = try document.value(at: JSONPath(dotted: "functions").appending(name).appending("provisionedConcurrency"))
            var generated = [ServerlessNaming.functionLogicalID(name): StackResource.serverlessFunction(name: name)]
            if let provisioned, provisioned != .null, provisioned != .integer(0) {
                generated[ServerlessNaming.provisionedAliasLogicalID(name)] = .serverlessProvisionedAlias(functionName: name)
            }
            for (logicalID, resource) in generated {
                if resources[logicalID] != nil {
                    throw .invalidValue(
                        file: file, key: resourcesKey.appending(logicalID).description,
                        detail: "is the logical ID the Serverless Framework gives function '\(name)'; allowed: another logical ID")
                }
                resources[logicalID] = resource
            }
        }
        self.file = file
        self.format = format
        self.stackName = stackName
        self.codeDirectory = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
        self.document = document
        self.evaluator = IntrinsicEvaluator(file: file, target: target, stackName: stackName, resources: resources, parameters: parameters)
        self.declared = declared
        self.serverlessFunctionNames = functionNames
    }

    mutating func plan() throws(ManifestLoadError) -> ManifestPlan {
        let queues = try queueDeclarations()
        let functions = try functionDeclarations()
        let functionNames = Set(functions.map(\.name))
        return ManifestPlan(
            file: file, format: format, stackName: stackName, queues: queues, functions: functions,
            mappings: try mappingDeclarations(functionNames: functionNames),
            asyncInvokes: try asyncInvokeDeclarations(functionNames: functionNames),
            httpRoutes: try httpRouteDeclarations())
    }

    func resources(ofType type: String) -> [DeclaredResource] {
        declared.filter { $0.type == type }
    }

    /// A function name a resource refers to, which must be one the manifest declares.
    mutating func declaredFunctionName(
        _ value: JSONValue?, at key: JSONPath, functionNames: Set<String>
    ) throws(ManifestLoadError) -> String {
        let name = try evaluator.referencedFunctionName(value, at: key)
        guard functionNames.contains(name) else {
            throw .invalidValue(
                file: file, key: key.description,
                detail: "names function '\(name)', which the manifest does not declare; allowed: \(functionNames.sorted().joined(separator: ", "))")
        }
        return name
    }

    /// The `type` events of every function under `functions` (`sqs`, `httpApi`, …), each with
    /// the key of its value (`functions.worker.events[0].sqs`), in function and event order.
    mutating func serverlessEvents(ofType type: String) throws(ManifestLoadError) -> [(functionName: String, key: JSONPath)] {
        var found: [(functionName: String, key: JSONPath)] = []
        for name in serverlessFunctionNames {
            let eventsKey = JSONPath(dotted: "functions").appending(name).appending("events")
            let events: [JSONValue]
            switch try document.shallowValue(at: eventsKey) {
            case nil, .null?: continue
            case .array(let items)?: events = items
            case let other?: throw evaluator.invalid(EvaluatedValue(literal: other), at: eventsKey, allowed: "a list of events")
            }
            for index in events.indices {
                let eventKey = eventsKey.appending(index: index)
                guard case .object(let event)? = try document.shallowValue(at: eventKey) else {
                    throw .invalidValue(file: file, key: eventKey.description, detail: "allowed: an object such as {\"sqs\": …}")
                }
                if event[type] != nil { found.append((name, eventKey.appending(type))) }
            }
        }
        return found
    }

    // MARK: Reading the document

    /// `service`: a string, or an object with `name` as older manifests write it.
    private static func serviceName(_ document: inout VariableResolver, file: String) throws(ManifestLoadError) -> String {
        switch try document.value(at: JSONPath(dotted: "service")) {
        case .string(let name)?: return name
        case .object(let members)?:
            if case .string(let name)? = members["name"] { return name }
            throw .invalidValue(file: file, key: "service.name", detail: "is required: a string")
        case nil: throw .invalidValue(file: file, key: "service", detail: "is required: a string")
        case let other?: throw .invalidValue(file: file, key: "service", detail: "is \(EvaluatedValue(literal: other).rendered); allowed: a string")
        }
    }

    /// A template's stack name, which only a deployment gives: the file's name without its
    /// extension, with characters a stack name cannot hold as hyphens (`template.json` → `template`).
    private static func stackName(file: String) -> String {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return String(stem.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        })
    }

    /// The keys of the object at `key`, sorted; none when it is absent or null.
    private static func keys(_ document: inout VariableResolver, at key: JSONPath, file: String) throws(ManifestLoadError) -> [String] {
        try members(&document, at: key, file: file).keys.sorted()
    }

    private static func members(
        _ document: inout VariableResolver, at key: JSONPath, file: String
    ) throws(ManifestLoadError) -> [String: JSONValue] {
        switch try document.shallowValue(at: key) {
        case nil, .null?: return [:]
        case .object(let members)?: return members
        case let other?: throw .invalidValue(file: file, key: key.description, detail: "is \(EvaluatedValue(literal: other).rendered); allowed: an object")
        }
    }

    /// The resource at `key` with its type, and its properties when QueueLab uses that type;
    /// `nil` for an entry without `Type` (the Serverless Framework merges those into its own resources).
    private static func declaredResource(
        _ document: inout VariableResolver, _ logicalID: String, at key: JSONPath, file: String
    ) throws(ManifestLoadError) -> DeclaredResource? {
        guard case .object? = try document.shallowValue(at: key) else {
            throw .invalidValue(file: file, key: key.description, detail: "allowed: an object with Type and Properties")
        }
        let typeKey = key.appending("Type")
        switch try document.value(at: typeKey) {
        case nil: return nil
        case .string(let type)?:
            guard StackResource.usedTypes.contains(type) else {
                return DeclaredResource(logicalID: logicalID, type: type, properties: [:], key: key)
            }
            let propertiesKey = key.appending("Properties")
            let properties: [String: JSONValue]
            switch try document.value(at: propertiesKey) {
            case nil, .null?: properties = [:]
            case .object(let members)?: properties = members
            case let other?:
                throw .invalidValue(file: file, key: propertiesKey.description, detail: "is \(EvaluatedValue(literal: other).rendered); allowed: an object")
            }
            return DeclaredResource(logicalID: logicalID, type: type, properties: properties, key: key)
        case let other?:
            throw .invalidValue(file: file, key: typeKey.description, detail: "is \(EvaluatedValue(literal: other).rendered); allowed: a resource type such as AWS::SQS::Queue")
        }
    }
}
