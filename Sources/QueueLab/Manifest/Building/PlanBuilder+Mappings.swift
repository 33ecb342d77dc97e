import EventSourceMapping
import IntegrationManifest
import StrictJSON

extension PlanBuilder {
    static let sqsEventKeys = ["arn", "batchSize", "enabled", "filterPatterns", "functionResponseType", "maximumBatchingWindow", "maximumConcurrency"]
    /// The Serverless Framework's schema ranges (lib/plugins/aws/package/compile/events/sqs.js)
    /// are Lambda's API ranges.
    static let batchSizeRange = MappingConfiguration.batchSizeRange
    static let batchingWindowRange = MappingConfiguration.batchingWindowRange
    static let maximumConcurrencyRange = MappingConfiguration.maximumConcurrencyRange
    static let filterPatternCount = 1...FilterCriteria.maximumFilterCount

    /// Every `sqs` event of a function, then every `AWS::Lambda::EventSourceMapping` from an SQS queue.
    mutating func mappingDeclarations(functionNames: Set<String>) throws(ManifestLoadError) -> [MappingDeclaration] {
        var mappings: [MappingDeclaration] = []
        for event in try serverlessEvents(ofType: "sqs") {
            mappings.append(try sqsEvent(try document.value(at: event.key), at: event.key, functionName: event.functionName))
        }
        for resource in resources(ofType: StackResource.eventSourceMappingType) {
            if let mapping = try eventSourceMapping(resource, functionNames: functionNames) { mappings.append(mapping) }
        }
        return mappings
    }

    /// `sqs: <ARN>` or `sqs: {arn, batchSize, maximumBatchingWindow, maximumConcurrency,
    /// functionResponseType, filterPatterns, enabled}`.
    private mutating func sqsEvent(_ value: JSONValue?, at key: JSONPath, functionName: String) throws(ManifestLoadError) -> MappingDeclaration {
        let event: [String: JSONValue]
        switch value {
        case .string?: event = ["arn": value ?? .null]
        case .object(let members)?: event = members
        default:
            throw evaluator.invalid(EvaluatedValue(literal: value ?? .null), at: key, allowed: "a queue ARN, or an object with arn")
        }
        for name in event.keys.sorted() where !Self.sqsEventKeys.contains(name) {
            throw .invalidValue(file: file, key: key.appending(name).description, detail: "is not known; allowed: \(Self.sqsEventKeys.joined(separator: ", "))")
        }
        guard let arn = try evaluator.queueARN(event["arn"], at: key.appending("arn")) else { throw evaluator.missing(at: key.appending("arn")) }
        let responseType = try evaluator.oneOf([SQSEvent.reportBatchItemFailures], event["functionResponseType"], at: key.appending("functionResponseType"))
        return MappingDeclaration(
            key: key.description, functionName: functionName, queueARN: arn, options: MappingOptions(
            batchSize: try evaluator.integer(event["batchSize"], at: key.appending("batchSize"), in: Self.batchSizeRange),
            maximumBatchingWindow: try evaluator.integer(
                event["maximumBatchingWindow"], at: key.appending("maximumBatchingWindow"), in: Self.batchingWindowRange),
            maximumConcurrency: try evaluator.integer(
                event["maximumConcurrency"], at: key.appending("maximumConcurrency"), in: Self.maximumConcurrencyRange),
            reportsBatchItemFailures: responseType != nil,
            filterPatterns: try serverlessFilterPatterns(event["filterPatterns"], at: key.appending("filterPatterns")),
            enabled: try evaluator.boolean(event["enabled"], at: key.appending("enabled")) ?? true))
    }

    /// `filterPatterns`: 1–10 objects, each written as a JSON string as the framework does
    /// (`JSON.stringify`), so intrinsics in them are not evaluated.
    private func serverlessFilterPatterns(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> [String] {
        guard let value, value != .null else { return [] }
        guard case .array(let patterns) = value, Self.filterPatternCount.contains(patterns.count) else {
            throw evaluator.invalid(EvaluatedValue(literal: value), at: key, allowed: "a list of 1–10 objects")
        }
        var written: [String] = []
        for (index, pattern) in patterns.enumerated() {
            guard case .object = pattern else {
                throw evaluator.invalid(EvaluatedValue(literal: pattern), at: key.appending(index: index), allowed: "an object")
            }
            written.append(EvaluatedValue.compactJSON(pattern))
        }
        return written
    }

    /// An `AWS::Lambda::EventSourceMapping`, or `nil` when its source is not an SQS queue (a
    /// stream, Kafka), which QueueLab does not run.
    private mutating func eventSourceMapping(
        _ resource: DeclaredResource, functionNames: Set<String>
    ) throws(ManifestLoadError) -> MappingDeclaration? {
        let properties = resource.properties
        guard let source = properties["EventSourceArn"], !refersToOtherThanQueue(source) else { return nil }
        let sourceKey = resource.propertyKey("EventSourceArn")
        guard let sourceValue = try evaluator.evaluated(source, at: sourceKey) else { return nil }
        if let text = sourceValue.text?.literal, let service = IntrinsicEvaluator.arnService(text), service != "sqs" { return nil }
        let arn = try evaluator.queueARN(sourceValue, at: sourceKey)
        let functionName = try declaredFunctionName(properties["FunctionName"], at: resource.propertyKey("FunctionName"), functionNames: functionNames)
        let scalingKey = resource.propertyKey("ScalingConfig")
        let scaling = try evaluator.members(properties["ScalingConfig"], at: scalingKey)
        return MappingDeclaration(
            key: resource.key.description, functionName: functionName, queueARN: arn, options: MappingOptions(
            batchSize: try evaluator.integer(properties["BatchSize"], at: resource.propertyKey("BatchSize"), in: Self.batchSizeRange),
            maximumBatchingWindow: try evaluator.integer(
                properties["MaximumBatchingWindowInSeconds"], at: resource.propertyKey("MaximumBatchingWindowInSeconds"),
                in: Self.batchingWindowRange),
            maximumConcurrency: try evaluator.integer(
                scaling?["MaximumConcurrency"], at: scalingKey.appending("MaximumConcurrency"), in: Self.maximumConcurrencyRange),
            reportsBatchItemFailures: try functionResponseTypes(properties["FunctionResponseTypes"], at: resource.propertyKey("FunctionResponseTypes")),
            filterPatterns: try filterCriteria(properties["FilterCriteria"], at: resource.propertyKey("FilterCriteria")),
            enabled: try evaluator.boolean(properties["Enabled"], at: resource.propertyKey("Enabled")) ?? true))
    }

    /// Whether `value` is a `Ref` or `Fn::GetAtt` to a resource of the manifest that is not a queue.
    private func refersToOtherThanQueue(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value, members.count == 1 else { return false }
        let logicalID: String? = switch (members["Ref"], members["Fn::GetAtt"]) {
        case (.string(let name)?, nil): name
        case (nil, .array(let parts)?): if case .string(let name)? = parts.first { name } else { nil }
        case (nil, .string(let dotted)?): dotted.split(separator: ".").first.map(String.init)
        default: nil
        }
        guard let logicalID, let resource = evaluator.resources[logicalID] else { return false }
        return resource.type != StackResource.queueType
    }

    /// `FunctionResponseTypes`: empty, or `[ReportBatchItemFailures]`.
    private mutating func functionResponseTypes(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> Bool {
        switch try evaluator.evaluated(value, at: key) {
        case nil: return false
        case .array(let items)? where items.count <= 1:
            guard let item = items.first else { return false }
            guard try evaluator.string(item, at: key.appending(index: 0)) == SQSEvent.reportBatchItemFailures else {
                throw evaluator.invalid(item, at: key.appending(index: 0), allowed: SQSEvent.reportBatchItemFailures)
            }
            return true
        case let other?:
            throw evaluator.invalid(other, at: key, allowed: "[\"\(SQSEvent.reportBatchItemFailures)\"]")
        }
    }

    /// `FilterCriteria.Filters[].Pattern`: JSON strings, rewritten compactly with sorted keys.
    private mutating func filterCriteria(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> [String] {
        guard let criteria = try evaluator.members(value, at: key) else { return [] }
        let filtersKey = key.appending("Filters")
        switch try evaluator.evaluated(criteria["Filters"], at: filtersKey) {
        case nil: return []
        case .array(let filters)?:
            var patterns: [String] = []
            for (index, filter) in filters.enumerated() {
                let patternKey = filtersKey.appending(index: index).appending("Pattern")
                guard case .object(let members) = filter, let pattern = members["Pattern"] else { throw evaluator.missing(at: patternKey) }
                let text = try evaluator.string(pattern, at: patternKey)
                guard case .object(let object)? = try? JSONParser.parse(Array(text.utf8)) else {
                    throw .invalidValue(file: file, key: patternKey.description, detail: "is \"\(text)\"; allowed: a JSON object as a string")
                }
                patterns.append(EvaluatedValue.compactJSON(.object(object)))
            }
            return patterns
        case let other?:
            throw evaluator.invalid(other, at: filtersKey, allowed: "a list of {\"Pattern\": <JSON string>}")
        }
    }
}
