import StrictJSON

/// Turns the bytes of one `integration.json` into an `IntegrationDefinition`, reporting every
/// problem with its JSON path instead of stopping at the first.
struct DefinitionDecoder {
    let name: String
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    enum TopLevelKey: String, CaseIterable {
        case personObjectTypes, syncConfig, queueConfig, runtime, handler
    }

    enum PersonObjectTypeKey: String, CaseIterable {
        case crmObjectName, quoContactType
    }

    /// The definition, or `nil` when the file has errors (all of them are in `diagnostics`).
    mutating func decode(_ bytes: [UInt8]) -> IntegrationDefinition? {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            report(.malformedJSON, at: nil, "malformed JSON at \(error.description)")
            return nil
        }
        guard let members = object(document, at: .root, keys: TopLevelKey.self) else { return nil }
        var definition = IntegrationDefinition(name: name, file: file, personObjectTypes: [])
        definition.personObjectTypes = personObjectTypes(members)
        if let value = members[TopLevelKey.syncConfig.rawValue] {
            definition.syncConfig = syncConfig(value, at: JSONPath.root.appending(TopLevelKey.syncConfig.rawValue))
        }
        if let value = members[TopLevelKey.queueConfig.rawValue] {
            definition.queueConfig = queueConfig(value, at: JSONPath.root.appending(TopLevelKey.queueConfig.rawValue))
        }
        if let runtime = nonEmptyString(members, TopLevelKey.runtime, at: .root) {
            if IntegrationDefinition.supportedRuntimes.contains(runtime) {
                definition.runtime = runtime
            } else {
                let allowed = IntegrationDefinition.supportedRuntimes.joined(separator: ", ")
                report(.unsupportedRuntime, at: JSONPath.root.appending(TopLevelKey.runtime.rawValue),
                    "\"\(runtime)\" is not a supported Lambda runtime; allowed: \(allowed)")
            }
        }
        if let handler = nonEmptyString(members, TopLevelKey.handler, at: .root) {
            definition.handler = handler
        }
        return diagnostics.contains { $0.severity == .error } ? nil : definition
    }

    private mutating func personObjectTypes(_ members: [String: JSONValue]) -> [PersonObjectType] {
        let path = JSONPath.root.appending(TopLevelKey.personObjectTypes.rawValue)
        guard let value = members[TopLevelKey.personObjectTypes.rawValue] else {
            report(.missingKey, at: path, "required key is missing; expected a non-empty array of objects")
            return []
        }
        guard case .array(let elements) = value else {
            report(.wrongType, at: path, "expected an array of objects, found \(value.kindDescription)")
            return []
        }
        if elements.isEmpty {
            report(.emptyValue, at: path, "must list at least one object type")
        }
        return elements.enumerated().compactMap { index, element in
            let elementPath = path.appending(index: index)
            guard let object = object(element, at: elementPath, keys: PersonObjectTypeKey.self) else { return nil }
            let crmObjectName = requiredString(object, PersonObjectTypeKey.crmObjectName, at: elementPath)
            let quoContactType = requiredString(object, PersonObjectTypeKey.quoContactType, at: elementPath)
            guard let crmObjectName, let quoContactType else { return nil }
            return PersonObjectType(crmObjectName: crmObjectName, quoContactType: quoContactType)
        }
    }

    private mutating func syncConfig(_ value: JSONValue, at path: JSONPath) -> SyncConfig {
        var config = SyncConfig()
        guard let members = object(value, at: path, keys: SyncConfig.Key.self) else { return config }
        config.reverseChronological = bool(members, SyncConfig.Key.reverseChronological, at: path) ?? config.reverseChronological
        config.supportsWebhooks = bool(members, SyncConfig.Key.supportsWebhooks, at: path) ?? config.supportsWebhooks
        config.initialBatchSize =
            integer(members, SyncConfig.Key.initialBatchSize, in: SyncConfig.pageSizeRange, at: path) ?? config.initialBatchSize
        config.ongoingBatchSize =
            integer(members, SyncConfig.Key.ongoingBatchSize, in: SyncConfig.pageSizeRange, at: path) ?? config.ongoingBatchSize
        config.pollIntervalMinutes =
            integer(members, SyncConfig.Key.pollIntervalMinutes, in: SyncConfig.pollIntervalRange, at: path)
            ?? config.pollIntervalMinutes
        return config
    }

    private mutating func queueConfig(_ value: JSONValue, at path: JSONPath) -> QueueConfig {
        var config = QueueConfig()
        guard let members = object(value, at: path, keys: QueueConfig.Key.self) else { return config }
        let findingsBefore = diagnostics.count
        var values: [QueueConfig.Key: Int] = [:]
        for key in QueueConfig.Key.allCases {
            values[key] = integer(members, key, in: key.range, at: path)
        }
        config.maxWorkers = values[.maxWorkers] ?? config.maxWorkers
        config.provisioned = values[.provisioned]
        config.maxConcurrency = values[.maxConcurrency]
        config.batchSize = values[.batchSize] ?? config.batchSize
        config.timeout = values[.timeout] ?? config.timeout
        config.maximumBatchingWindow = values[.maximumBatchingWindow]
        config.visibilityTimeout = values[.visibilityTimeout]
        config.maxReceiveCount = values[.maxReceiveCount] ?? config.maxReceiveCount
        config.messageRetentionPeriod = values[.messageRetentionPeriod] ?? config.messageRetentionPeriod
        config.memorySize = values[.memorySize] ?? config.memorySize
        // Rules between keys only make sense once every key on its own is valid.
        if diagnostics.count == findingsBefore {
            diagnostics += QueueConfigRules(file: file, config: config).diagnostics()
        }
        return config
    }

    mutating func report(_ code: DiagnosticCode, at path: JSONPath?, _ message: String) {
        diagnostics.append(Diagnostic(.error, code, file: file, path: path, message: message))
    }
}
