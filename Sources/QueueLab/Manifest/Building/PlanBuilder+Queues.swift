import StrictJSON

extension PlanBuilder {
    /// SQS's ranges for the numeric attributes, which CloudFormation passes on as they are.
    static let integerAttributes: [(name: String, range: ClosedRange<Int>)] = [
        ("DelaySeconds", 0...900),
        ("KmsDataKeyReusePeriodSeconds", 60...86_400),
        ("MaximumMessageSize", 1_024...1_048_576),
        ("MessageRetentionPeriod", 60...1_209_600),
        ("ReceiveMessageWaitTimeSeconds", 0...20),
        ("VisibilityTimeout", 0...43_200),
    ]
    static let fifoOnlyAttributes: [(name: String, allowed: [String]?)] = [
        ("ContentBasedDeduplication", nil),
        ("DeduplicationScope", ["messageGroup", "queue"]),
        ("FifoThroughputLimit", ["perQueue", "perMessageGroupId"]),
    ]
    /// Every property of `AWS::SQS::Queue`; `Tags` are accepted and not used.
    static let queueProperties: Set = [
        "ContentBasedDeduplication", "DeduplicationScope", "DelaySeconds", "FifoQueue", "FifoThroughputLimit",
        "KmsDataKeyReusePeriodSeconds", "KmsMasterKeyId", "MaximumMessageSize", "MessageRetentionPeriod", "QueueName",
        "ReceiveMessageWaitTimeSeconds", "RedriveAllowPolicy", "RedrivePolicy", "SqsManagedSseEnabled", "Tags", "VisibilityTimeout",
    ]

    /// Every `AWS::SQS::Queue`, a dead-letter queue before the queues whose `RedrivePolicy` names it.
    mutating func queueDeclarations() throws(ManifestLoadError) -> [QueueDeclaration] {
        var queues: [QueueDeclaration] = []
        var names: [String: String] = [:]
        for resource in resources(ofType: StackResource.queueType) {
            let queue = try queueDeclaration(resource)
            if let other = names[queue.name] {
                throw .invalidValue(
                    file: file, key: resource.propertyKey("QueueName").description,
                    detail: "is \"\(queue.name)\", the name of queue \(other) too; allowed: a name of its own")
            }
            names[queue.name] = resource.logicalID
            queues.append(queue)
        }
        return try QueueOrder(file: file, queues: queues).ordered()
    }

    private mutating func queueDeclaration(_ queue: DeclaredResource) throws(ManifestLoadError) -> QueueDeclaration {
        for property in queue.properties.keys.sorted() where !Self.queueProperties.contains(property) {
            throw .invalidValue(
                file: file, key: queue.propertyKey(property).description,
                detail: "is not a property of AWS::SQS::Queue; allowed: \(Self.queueProperties.sorted().joined(separator: ", "))")
        }
        let name = try evaluator.queueName(of: queue)
        let fifo = try evaluator.isFIFOQueue(queue)
        var attributes: [String: String] = [:]
        if fifo { attributes[QueueDeclaration.fifoQueue] = "true" }
        for (attribute, range) in Self.integerAttributes {
            if let value = try evaluator.integer(queue.properties[attribute], at: queue.propertyKey(attribute), in: range) {
                attributes[attribute] = String(value)
            }
        }
        for (attribute, allowed) in Self.fifoOnlyAttributes {
            let key = queue.propertyKey(attribute)
            let value: String?
            if let allowed {
                value = try evaluator.oneOf(allowed, queue.properties[attribute], at: key)
            } else {
                value = try evaluator.boolean(queue.properties[attribute], at: key).map { String($0) }
            }
            guard let value else { continue }
            guard fifo else {
                throw .invalidValue(file: file, key: key.description, detail: "applies to FIFO queues only; allowed: with FifoQueue: true")
            }
            attributes[attribute] = value
        }
        if let enabled = try evaluator.boolean(queue.properties["SqsManagedSseEnabled"], at: queue.propertyKey("SqsManagedSseEnabled")) {
            attributes["SqsManagedSseEnabled"] = String(enabled)
        }
        if let key = try evaluator.string(queue.properties["KmsMasterKeyId"], at: queue.propertyKey("KmsMasterKeyId")) {
            attributes["KmsMasterKeyId"] = key
        }
        if let policy = try redrivePolicy(of: queue) { attributes[QueueDeclaration.redrivePolicy] = policy }
        if let policy = try redriveAllowPolicy(of: queue) { attributes["RedriveAllowPolicy"] = policy }
        return QueueDeclaration(
            key: queue.key.description, logicalID: queue.logicalID, name: name, arn: evaluator.target.queueARN(name: name),
            attributes: attributes)
    }

    /// `{"deadLetterTargetArn": "<ARN>", "maxReceiveCount": <1–1000>}`, written as an object or a JSON string.
    private mutating func redrivePolicy(of queue: DeclaredResource) throws(ManifestLoadError) -> String? {
        let key = queue.propertyKey(QueueDeclaration.redrivePolicy)
        guard let policy = try jsonObject(queue.properties[QueueDeclaration.redrivePolicy], at: key,
                                          allowed: ["deadLetterTargetArn", "maxReceiveCount"]) else { return nil }
        let targetKey = key.appending("deadLetterTargetArn")
        guard let target = policy["deadLetterTargetArn"] else { throw evaluator.missing(at: targetKey) }
        let countKey = key.appending("maxReceiveCount")
        guard let count = policy["maxReceiveCount"] else { throw evaluator.missing(at: countKey) }
        let arn = try evaluator.queueARN(target, at: targetKey)
        return EvaluatedValue.compactJSON([
            "deadLetterTargetArn": .string(arn),
            "maxReceiveCount": .integer(try evaluator.integer(count, at: countKey, in: 1...1_000)),
        ])
    }

    /// `{"redrivePermission": "allowAll" | "denyAll" | "byQueue", "sourceQueueArns": [<1–10 ARNs, byQueue only>]}`.
    private mutating func redriveAllowPolicy(of queue: DeclaredResource) throws(ManifestLoadError) -> String? {
        let key = queue.propertyKey("RedriveAllowPolicy")
        guard let policy = try jsonObject(queue.properties["RedriveAllowPolicy"], at: key,
                                          allowed: ["redrivePermission", "sourceQueueArns"]) else { return nil }
        let permissionKey = key.appending("redrivePermission")
        guard let permissionValue = policy["redrivePermission"] else { throw evaluator.missing(at: permissionKey) }
        let permission = try evaluator.string(permissionValue, at: permissionKey)
        let sourcesKey = key.appending("sourceQueueArns")
        var sources: [JSONValue] = []
        switch policy["sourceQueueArns"] {
        case nil: break
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                sources.append(.string(try evaluator.queueARN(item, at: sourcesKey.appending(index: index))))
            }
        case let other?:
            throw evaluator.invalid(other, at: sourcesKey, allowed: "a list of SQS queue ARNs")
        }
        switch permission {
        case "byQueue" where (1...10).contains(sources.count), "allowAll" where sources.isEmpty, "denyAll" where sources.isEmpty:
            break
        case "byQueue":
            throw .invalidValue(file: file, key: sourcesKey.description, detail: "has \(sources.count) ARNs; allowed: 1–10 with byQueue")
        case "allowAll", "denyAll":
            throw .invalidValue(file: file, key: sourcesKey.description, detail: "is set; allowed: only with redrivePermission byQueue")
        default:
            throw evaluator.invalid(permissionValue, at: permissionKey, allowed: "allowAll, denyAll, byQueue")
        }
        var json: [String: JSONValue] = ["redrivePermission": .string(permission)]
        if !sources.isEmpty { json["sourceQueueArns"] = .array(sources) }
        return EvaluatedValue.compactJSON(.object(json))
    }

    /// A JSON-typed property, which CloudFormation takes as an object or as a string holding one;
    /// its members evaluated, and only `allowed` ones.
    private mutating func jsonObject(
        _ value: JSONValue?, at key: JSONPath, allowed: Set<String>
    ) throws(ManifestLoadError) -> [String: EvaluatedValue]? {
        var members: [String: EvaluatedValue]
        switch try evaluator.evaluated(value, at: key) {
        case nil: return nil
        case .object(let object)?: members = object
        case .string(let text)? where text.literal != nil:
            guard case .object(let object)? = try? JSONParser.parse(Array((text.literal ?? "").utf8)) else {
                throw .invalidValue(file: file, key: key.description, detail: "is \"\(text)\", not a JSON object; allowed: an object, or a string holding one")
            }
            members = object.mapValues(EvaluatedValue.init(literal:))
        case let other?:
            throw evaluator.invalid(other, at: key, allowed: "an object, or a string holding one")
        }
        for name in members.keys.sorted() where !allowed.contains(name) {
            throw .invalidValue(file: file, key: key.appending(name).description, detail: "is not known; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
        return members
    }
}
