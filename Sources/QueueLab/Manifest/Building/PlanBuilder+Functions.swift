import FunctionHost
import StrictJSON

extension PlanBuilder {
    static let timeoutRange = 1...900
    static let memorySizeRange = 128...10_240
    /// Lambda's defaults for a template's function, where the Serverless Framework's do not apply.
    static let lambdaDefaultTimeout = 3
    static let lambdaDefaultMemorySize = 128

    /// Functions under `functions` and `AWS::Lambda::Function` resources, sorted by name.
    mutating func functionDeclarations() throws(ManifestLoadError) -> [FunctionDeclaration] {
        var names: [String: String] = [:]
        var templateFunctions: [(name: String, resource: DeclaredResource)] = []
        for name in serverlessFunctionNames {
            names[name] = "functions.\(name)"
        }
        for resource in resources(ofType: StackResource.functionType) {
            let name = try evaluator.functionName(of: resource)
            if let other = names[name] {
                throw .invalidValue(
                    file: file, key: resource.key.description, detail: "is function '\(name)', as \(other) is; allowed: a function name of its own")
            }
            names[name] = resource.key.description
            templateFunctions.append((name, resource))
        }
        let provisioned = try aliasProvisionedConcurrency(functionNames: Set(names.keys))
        var functions: [FunctionDeclaration] = []
        if !serverlessFunctionNames.isEmpty {
            let provider = try providerDefaults()
            for name in serverlessFunctionNames {
                functions.append(try serverlessFunction(name, provider: provider, aliasProvisioned: provisioned[name]))
            }
        }
        for (name, resource) in templateFunctions {
            functions.append(try templateFunction(resource, name: name, aliasProvisioned: provisioned[name]))
        }
        return functions.sorted { $0.name < $1.name }
    }

    /// What `provider` gives every function.
    private struct ProviderDefaults {
        var runtime: String?
        var timeout: Int?
        var memorySize: Int?
        var environment: [String: EndpointString]
    }

    private mutating func providerDefaults() throws(ManifestLoadError) -> ProviderDefaults {
        let key = JSONPath(dotted: "provider")
        return ProviderDefaults(
            runtime: try string(at: key.appending("runtime")),
            timeout: try integer(at: key.appending("timeout"), in: Self.timeoutRange),
            memorySize: try integer(at: key.appending("memorySize"), in: Self.memorySizeRange),
            environment: try environment(try document.value(at: key.appending("environment")), at: key.appending("environment")))
    }

    private mutating func serverlessFunction(
        _ name: String, provider: ProviderDefaults, aliasProvisioned: (count: Int, key: JSONPath)?
    ) throws(ManifestLoadError) -> FunctionDeclaration {
        let key = JSONPath(dotted: "functions").appending(name)
        guard case .object? = try document.shallowValue(at: key) else {
            throw .invalidValue(file: file, key: key.description, detail: "allowed: an object with handler, runtime, timeout, …")
        }
        let handlerKey = key.appending("handler")
        guard let handler = try string(at: handlerKey) else { throw evaluator.missing(at: handlerKey) }
        guard let runtime = try string(at: key.appending("runtime")) ?? provider.runtime else {
            throw .missingRuntime(file: file, key: key.appending("runtime").description)
        }
        let reserved = try integer(at: key.appending("reservedConcurrency"), in: 0...Int.max)
        let provisionedKey = key.appending("provisionedConcurrency")
        let provisioned = (try integer(at: provisionedKey, in: 0...Int.max) ?? 0) + (aliasProvisioned?.count ?? 0)
        try checkProvisioned(provisioned, reserved: reserved, at: aliasProvisioned?.key ?? provisionedKey)
        let own = try environment(try document.value(at: key.appending("environment")), at: key.appending("environment"))
        return FunctionDeclaration(
            key: key.description,
            settings: FunctionConfiguration(
                name: name, runtime: runtime, handler: handler, codeDirectory: codeDirectory,
                memorySize: try integer(at: key.appending("memorySize"), in: Self.memorySizeRange)
                    ?? provider.memorySize ?? ManifestPlan.defaultMemorySize,
                timeout: Double(try integer(at: key.appending("timeout"), in: Self.timeoutRange) ?? provider.timeout ?? ManifestPlan.defaultTimeout),
                reservedConcurrency: reserved, provisionedConcurrency: provisioned),
            environment: provider.environment.merging(own) { _, functionValue in functionValue })
    }

    /// An `AWS::Lambda::Function`: `Handler`, `Runtime`, `MemorySize`, `Timeout`,
    /// `ReservedConcurrentExecutions` and `Environment.Variables`; `Code` and the rest are not used locally.
    private mutating func templateFunction(
        _ resource: DeclaredResource, name: String, aliasProvisioned: (count: Int, key: JSONPath)?
    ) throws(ManifestLoadError) -> FunctionDeclaration {
        let properties = resource.properties
        if try evaluator.string(properties["PackageType"], at: resource.propertyKey("PackageType")) == "Image" {
            throw .invalidValue(
                file: file, key: resource.propertyKey("PackageType").description,
                detail: "is \"Image\": container images do not run locally; allowed: Zip, with Runtime and Handler")
        }
        guard let handler = try evaluator.string(properties["Handler"], at: resource.propertyKey("Handler")) else {
            throw evaluator.missing(at: resource.propertyKey("Handler"))
        }
        guard let runtime = try evaluator.string(properties["Runtime"], at: resource.propertyKey("Runtime")) else {
            throw evaluator.missing(at: resource.propertyKey("Runtime"))
        }
        let reservedKey = resource.propertyKey("ReservedConcurrentExecutions")
        let reserved = try evaluator.integer(properties["ReservedConcurrentExecutions"], at: reservedKey, in: 0...Int.max)
        let provisioned = aliasProvisioned?.count ?? 0
        if let aliasProvisioned { try checkProvisioned(provisioned, reserved: reserved, at: aliasProvisioned.key) }
        let environmentKey = resource.propertyKey("Environment")
        let variables = try evaluator.members(properties["Environment"], at: environmentKey)?["Variables"]
        return FunctionDeclaration(
            key: resource.key.description,
            settings: FunctionConfiguration(
                name: name, runtime: runtime, handler: handler, codeDirectory: codeDirectory,
                memorySize: try evaluator.integer(properties["MemorySize"], at: resource.propertyKey("MemorySize"), in: Self.memorySizeRange)
                    ?? Self.lambdaDefaultMemorySize,
                timeout: Double(
                    try evaluator.integer(properties["Timeout"], at: resource.propertyKey("Timeout"), in: Self.timeoutRange)
                        ?? Self.lambdaDefaultTimeout),
                reservedConcurrency: reserved, provisionedConcurrency: provisioned),
            environment: try environment(variables, at: environmentKey.appending("Variables")))
    }

    /// Provisioned concurrency from `AWS::Lambda::Alias` and `AWS::Lambda::Version` resources
    /// (`ProvisionedConcurrencyConfig`), summed per function: locally a function has one pool.
    private mutating func aliasProvisionedConcurrency(
        functionNames: Set<String>
    ) throws(ManifestLoadError) -> [String: (count: Int, key: JSONPath)] {
        var provisioned: [String: (count: Int, key: JSONPath)] = [:]
        for resource in declared where resource.type == StackResource.aliasType || resource.type == StackResource.versionType {
            let configKey = resource.propertyKey("ProvisionedConcurrencyConfig")
            guard let config = try evaluator.members(resource.properties["ProvisionedConcurrencyConfig"], at: configKey) else { continue }
            let countKey = configKey.appending("ProvisionedConcurrentExecutions")
            guard let count = try evaluator.integer(config["ProvisionedConcurrentExecutions"], at: countKey, in: 0...Int.max) else {
                throw evaluator.missing(at: countKey)
            }
            let function = try declaredFunctionName(
                resource.properties["FunctionName"], at: resource.propertyKey("FunctionName"), functionNames: functionNames)
            provisioned[function] = ((provisioned[function]?.count ?? 0) + count, countKey)
        }
        return provisioned
    }

    private func checkProvisioned(_ provisioned: Int, reserved: Int?, at key: JSONPath) throws(ManifestLoadError) {
        guard let reserved, provisioned > reserved else { return }
        throw .invalidValue(
            file: file, key: key.description,
            detail: "is \(provisioned), above the function's reserved concurrency; allowed: an integer 0–\(reserved)")
    }

    /// Environment variables: strings, numbers and booleans (as text), or intrinsics giving one;
    /// a `Ref` to a queue keeps its URL open until the SQS endpoint listens.
    mutating func environment(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> [String: EndpointString] {
        guard let members = try evaluator.members(value, at: key) else { return [:] }
        var environment: [String: EndpointString] = [:]
        for name in members.keys.sorted() {
            let variableKey = key.appending(name)
            guard let value = try evaluator.evaluated(members[name], at: variableKey) else { continue }
            guard let text = value.text else {
                throw evaluator.invalid(value, at: variableKey, allowed: "a string, number or boolean, or an intrinsic function giving one")
            }
            environment[name] = text
        }
        return environment
    }

    // MARK: Serverless values by key

    mutating func string(at key: JSONPath) throws(ManifestLoadError) -> String? {
        let value = try document.value(at: key)
        return try evaluator.string(value, at: key)
    }

    mutating func integer(at key: JSONPath, in range: ClosedRange<Int>) throws(ManifestLoadError) -> Int? {
        let value = try document.value(at: key)
        return try evaluator.integer(value, at: key, in: range)
    }
}
