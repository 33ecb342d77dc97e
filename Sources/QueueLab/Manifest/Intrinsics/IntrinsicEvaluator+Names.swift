import IntegrationManifest
import StrictJSON

extension IntrinsicEvaluator {
    static let maximumQueueNameLength = 80
    static let fifoSuffix = ".fifo"
    static let queueNameRule = "1–80 letters, digits, hyphens and underscores; a FIFO queue's ends in .fifo"
    static let functionNameRule = "1–64 letters, digits, hyphens and underscores"

    /// `QueueName`, or CloudFormation's kind of generated name without its random suffix, so a
    /// restart finds the same queue: `<stackName>-<LogicalId>`, cut to SQS's 80 characters with
    /// `.fifo` kept for a FIFO queue.
    mutating func queueName(of queue: DeclaredResource) throws(ManifestLoadError) -> String {
        if let name = queueNames[queue.logicalID] { return name }
        let key = queue.propertyKey("QueueName")
        try beginEvaluating(key)
        defer { endEvaluating() }
        let fifo = try isFIFOQueue(queue)
        let name: String
        if let written = try string(queue.properties["QueueName"], at: key) {
            if let problem = Self.queueNameProblem(written, fifo: fifo) {
                throw .invalidValue(file: file, key: key.description, detail: "is \"\(written)\"; \(problem)")
            }
            name = written
        } else {
            let stem = "\(stackName)-\(queue.logicalID)"
            name = fifo
                ? String(stem.prefix(Self.maximumQueueNameLength - Self.fifoSuffix.count)) + Self.fifoSuffix
                : String(stem.prefix(Self.maximumQueueNameLength))
            if let problem = Self.queueNameProblem(name, fifo: fifo) {
                throw .invalidValue(
                    file: file, key: key.description,
                    detail: "is not set, and the name made of the stack name and the logical ID, \"\(name)\", is not valid: \(problem)")
            }
        }
        queueNames[queue.logicalID] = name
        return name
    }

    mutating func isFIFOQueue(_ queue: DeclaredResource) throws(ManifestLoadError) -> Bool {
        try boolean(queue.properties["FifoQueue"], at: queue.propertyKey("FifoQueue")) ?? false
    }

    /// What is wrong with `name` by SQS's rules, or `nil`.
    static func queueNameProblem(_ name: String, fifo: Bool) -> String? {
        let stem = name.hasSuffix(fifoSuffix) ? String(name.dropLast(fifoSuffix.count)) : name
        let validCharacters = !stem.isEmpty && stem.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard validCharacters, name.count <= maximumQueueNameLength else { return "allowed: \(queueNameRule)" }
        if fifo && !name.hasSuffix(fifoSuffix) { return "a FIFO queue's name must end in .fifo" }
        if !fifo && name.hasSuffix(fifoSuffix) { return "a name ending in .fifo needs FifoQueue: true" }
        return nil
    }

    /// `FunctionName`, else the Serverless Framework's function name recovered from its logical
    /// ID `<Name>LambdaFunction` (the first letter lowercased: `WorkerLambdaFunction` → `worker`),
    /// else the logical ID.
    mutating func functionName(of function: DeclaredResource) throws(ManifestLoadError) -> String {
        if let name = functionNames[function.logicalID] { return name }
        let key = function.propertyKey("FunctionName")
        try beginEvaluating(key)
        defer { endEvaluating() }
        let name: String
        if let written = try string(function.properties["FunctionName"], at: key) {
            guard LambdaFunctionReference.isValidName(written) else {
                throw .invalidValue(file: file, key: key.description, detail: "is \"\(written)\"; allowed: \(Self.functionNameRule)")
            }
            name = written
        } else {
            name = ServerlessNaming.functionName(logicalID: function.logicalID)
            guard LambdaFunctionReference.isValidName(name) else {
                throw .invalidValue(
                    file: file, key: key.description,
                    detail: "is not set, and the name taken from the logical ID, \"\(name)\", is not valid; allowed: \(Self.functionNameRule)")
            }
        }
        functionNames[function.logicalID] = name
        return name
    }

    /// `arn:aws:lambda:<region>:<account>:function:<function>:<alias>`, as `Ref` gives an alias.
    mutating func aliasARN(of alias: DeclaredResource) throws(ManifestLoadError) -> String {
        let functionName = try referencedFunctionName(alias.properties["FunctionName"], at: alias.propertyKey("FunctionName"))
        let nameKey = alias.propertyKey("Name")
        guard let name = try string(alias.properties["Name"], at: nameKey) else {
            throw .invalidValue(file: file, key: nameKey.description, detail: "is required")
        }
        return target.functionARN(name: functionName) + ":" + name
    }

    /// The name in a `FunctionName` value: a name, `name:qualifier`, or a full or partial ARN.
    mutating func referencedFunctionName(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> String {
        guard let reference = try string(value, at: key) else {
            throw .invalidValue(file: file, key: key.description, detail: "is required")
        }
        guard let name = LambdaFunctionReference.functionName(in: reference) else {
            throw .invalidValue(
                file: file, key: key.description,
                detail: "is \"\(reference)\"; allowed: a function's name (\(Self.functionNameRule)) or ARN, with an optional qualifier")
        }
        return name
    }
}
