import StrictJSON

extension PlanBuilder {
    /// Lambda's ranges for asynchronous invocation (the Serverless Framework's schema uses them too).
    static let retryAttemptsRange = 0...2
    static let eventAgeRange = 60...21_600
    static let destinationTypes = ["function": "a Lambda function", "sns": "an SNS topic", "eventBus": "an EventBridge event bus"]

    /// One setting with the key it is set at, to name both keys when two places set it.
    private struct Setting<Value> {
        let value: Value
        let key: JSONPath
    }

    private struct AsyncSettings {
        var maximumRetryAttempts: Setting<Int>?
        var maximumEventAge: Setting<Int>?
        var onFailure: Setting<String>?
        var deadLetterQueue: Setting<String>?
    }

    /// Per function, from its `maximumRetryAttempts`, `maximumEventAge`, `destinations` and
    /// `onError`, and from `AWS::Lambda::EventInvokeConfig` and `AWS::Lambda::Function.DeadLetterConfig`.
    mutating func asyncInvokeDeclarations(functionNames: Set<String>) throws(ManifestLoadError) -> [AsyncInvokeDeclaration] {
        var settings: [String: AsyncSettings] = [:]
        for name in serverlessFunctionNames {
            let key = JSONPath(dotted: "functions").appending(name)
            var function = settings[name] ?? AsyncSettings()
            try Self.set(&function.maximumRetryAttempts, integer(at: key.appending("maximumRetryAttempts"), in: Self.retryAttemptsRange),
                    at: key.appending("maximumRetryAttempts"), in: file)
            try Self.set(&function.maximumEventAge, integer(at: key.appending("maximumEventAge"), in: Self.eventAgeRange), at: key.appending("maximumEventAge"), in: file)
            let destinationsKey = key.appending("destinations")
            if let destinations = try evaluator.members(try document.value(at: destinationsKey), at: destinationsKey) {
                if destinations["onSuccess"] != nil {
                    throw .invalidValue(
                        file: file, key: destinationsKey.appending("onSuccess").description,
                        detail: "on-success destinations do not run locally; allowed: destinations.onFailure with an SQS queue")
                }
                let onFailureKey = destinationsKey.appending("onFailure")
                try Self.set(&function.onFailure, serverlessDestination(destinations["onFailure"], at: onFailureKey), at: onFailureKey, in: file)
            }
            let onErrorKey = key.appending("onError")
            try Self.set(&function.deadLetterQueue, serverlessOnError(try document.value(at: onErrorKey), at: onErrorKey), at: onErrorKey, in: file)
            settings[name] = function
        }
        for resource in resources(ofType: StackResource.eventInvokeConfigType) {
            let name = try declaredFunctionName(resource.properties["FunctionName"], at: resource.propertyKey("FunctionName"), functionNames: functionNames)
            var function = settings[name] ?? AsyncSettings()
            try readEventInvokeConfig(resource, into: &function)
            settings[name] = function
        }
        for resource in resources(ofType: StackResource.functionType) {
            let configKey = resource.propertyKey("DeadLetterConfig")
            guard let config = try evaluator.members(resource.properties["DeadLetterConfig"], at: configKey) else { continue }
            let name = try evaluator.functionName(of: resource)
            var function = settings[name] ?? AsyncSettings()
            let targetKey = configKey.appending("TargetArn")
            try Self.set(&function.deadLetterQueue, evaluator.queueARN(config["TargetArn"], at: targetKey), at: targetKey, in: file)
            settings[name] = function
        }
        return settings.keys.sorted().compactMap { name in
            guard let function = settings[name] else { return nil }
            let declaration = AsyncInvokeDeclaration(
                functionName: name, maximumRetryAttempts: function.maximumRetryAttempts?.value, maximumEventAge: function.maximumEventAge?.value,
                onFailureQueueARN: function.onFailure?.value, deadLetterQueueARN: function.deadLetterQueue?.value)
            let isEmpty = declaration.maximumRetryAttempts == nil && declaration.maximumEventAge == nil
                && declaration.onFailureQueueARN == nil && declaration.deadLetterQueueARN == nil
            return isEmpty ? nil : declaration
        }
    }

    private mutating func readEventInvokeConfig(_ resource: DeclaredResource, into function: inout AsyncSettings) throws(ManifestLoadError) {
        let properties = resource.properties
        let qualifierKey = resource.propertyKey("Qualifier")
        guard try evaluator.string(properties["Qualifier"], at: qualifierKey) != nil else { throw evaluator.missing(at: qualifierKey) }
        let retryKey = resource.propertyKey("MaximumRetryAttempts")
        try Self.set(&function.maximumRetryAttempts, evaluator.integer(properties["MaximumRetryAttempts"], at: retryKey, in: Self.retryAttemptsRange), at: retryKey, in: file)
        let ageKey = resource.propertyKey("MaximumEventAgeInSeconds")
        try Self.set(&function.maximumEventAge, evaluator.integer(properties["MaximumEventAgeInSeconds"], at: ageKey, in: Self.eventAgeRange), at: ageKey, in: file)
        let configKey = resource.propertyKey("DestinationConfig")
        guard let config = try evaluator.members(properties["DestinationConfig"], at: configKey) else { return }
        if config["OnSuccess"] != nil {
            throw .invalidValue(
                file: file, key: configKey.appending("OnSuccess").description,
                detail: "on-success destinations do not run locally; allowed: OnFailure with an SQS queue")
        }
        let onFailureKey = configKey.appending("OnFailure")
        guard let onFailure = try evaluator.members(config["OnFailure"], at: onFailureKey) else { return }
        let destinationKey = onFailureKey.appending("Destination")
        try Self.set(&function.onFailure, evaluator.queueARN(onFailure["Destination"], at: destinationKey), at: destinationKey, in: file)
    }

    /// `destinations.onFailure`: an ARN, a function's name, or `{arn, type}` with type
    /// `function`, `sns`, `sqs` or `eventBus`; only an SQS queue runs locally.
    private mutating func serverlessDestination(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> String? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let target)? where !target.hasPrefix("arn:"):
            throw .unsupportedTarget(file: file, key: key.description, target: target, kind: "a function's name")
        case .object(let members)?:
            for name in members.keys.sorted() where name != "arn" && name != "type" {
                throw .invalidValue(file: file, key: key.appending(name).description, detail: "is not known; allowed: arn, type")
            }
            let allowedTypes = ["function", "sns", "sqs", "eventBus"]
            guard let type = try evaluator.oneOf(allowedTypes, members["type"], at: key.appending("type")) else {
                throw evaluator.missing(at: key.appending("type"))
            }
            guard let arn = try evaluator.string(members["arn"], at: key.appending("arn")) else { throw evaluator.missing(at: key.appending("arn")) }
            if let kind = Self.destinationTypes[type] {
                throw .unsupportedTarget(file: file, key: key.appending("arn").description, target: arn, kind: kind)
            }
            return try evaluator.queueARN(.string(EndpointString(arn)), at: key.appending("arn"))
        case let other?:
            return try evaluator.queueARN(other, at: key)
        }
    }

    /// `onError`: the framework takes an SNS topic's ARN as a string, or an intrinsic function;
    /// an intrinsic giving an SQS queue's ARN becomes the dead-letter queue.
    private mutating func serverlessOnError(_ value: JSONValue?, at key: JSONPath) throws(ManifestLoadError) -> String? {
        guard case .string(let arn)? = value else { return try evaluator.queueARN(value, at: key) }
        guard IntrinsicEvaluator.arnService(arn) == "sns" else {
            throw .invalidValue(
                file: file, key: key.description,
                detail: "is \"\(arn)\"; allowed: an SNS topic's ARN as a string (the Serverless Framework's rule), "
                    + "or for an SQS dead-letter queue an intrinsic function such as {\"Fn::GetAtt\": [<queue>, \"Arn\"]}")
        }
        throw .unsupportedTarget(file: file, key: key.description, target: arn, kind: "an SNS topic")
    }

    private static func set<Value>(
        _ setting: inout Setting<Value>?, _ value: Value?, at key: JSONPath, in file: String
    ) throws(ManifestLoadError) {
        guard let value else { return }
        if let existing = setting {
            throw .invalidValue(file: file, key: key.description, detail: "is set at \(existing.key) too; allowed: one of them")
        }
        setting = Setting(value: value, key: key)
    }
}
