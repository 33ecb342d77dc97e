/// Turns validated definitions into the Serverless Framework manifest: per integration a queue
/// worker function with one `sqs` event, its queue and its own dead-letter queue, and for an
/// integration whose CRM pushes changes a webhook function behind an `httpApi` POST route.
public struct ServerlessManifestBuilder {
    public let settings: ManifestSettings

    public init(settings: ManifestSettings = ManifestSettings()) {
        self.settings = settings
    }

    /// The variable that tells the shared `crm-sync` executable which integration it runs.
    public static let integrationNameVariable = "INTEGRATION_NAME"
    /// How the worker pages (`syncConfig`); CRMSync's `WorkerEnvironment` reads them, and a test
    /// holds the two to the same names.
    public static let initialBatchSizeVariable = "SYNC_INITIAL_BATCH_SIZE"
    public static let ongoingBatchSizeVariable = "SYNC_ONGOING_BATCH_SIZE"
    public static let reverseChronologicalVariable = "SYNC_REVERSE_CHRONOLOGICAL"
    /// The queue's maxReceiveCount, so that the worker knows a message's last receive.
    public static let maxReceiveCountVariable = "SYNC_MAX_RECEIVE_COUNT"
    /// A dead letter keeps its original enqueue time, so the DLQ keeps messages as long as SQS allows.
    static let deadLetterRetentionPeriod = QueueConfig.Key.messageRetentionPeriod.range.upperBound

    public func manifest(for definitions: [IntegrationDefinition]) -> ServerlessManifest {
        let definitions = definitions.sorted { $0.name < $1.name }
        var environment: [String: CloudFormationValue] = [:]
        var functions: [String: ServerlessFunction] = [:]
        var resources: [String: CloudFormationResource] = [:]
        var outputs: [String: CloudFormationOutput] = [:]
        for definition in definitions {
            let names = definition.names
            environment[names.queueURLVariable] = .ref(names.queueLogicalID)
            functions[names.functionName] = function(for: definition)
            if definition.syncConfig.supportsWebhooks {
                functions[names.webhookFunctionName] = webhookFunction(for: definition)
            }
            resources[names.queueLogicalID] = .queue(queue(for: definition))
            resources[names.deadLetterQueueLogicalID] = .queue(
                SQSQueueProperties(queueName: names.deadLetterQueueName, messageRetentionPeriod: Self.deadLetterRetentionPeriod))
            for logicalID in [names.queueLogicalID, names.deadLetterQueueLogicalID] {
                outputs[logicalID + "Url"] = CloudFormationOutput(value: .ref(logicalID))
                outputs[logicalID + "Arn"] = CloudFormationOutput(value: .arn(of: logicalID))
            }
        }
        // Workers fan out by sending to their own queue; the Serverless Framework itself only
        // grants receive, delete and get-attributes for `sqs` events.
        let sendToQueues = IAMStatement(
            actions: ["sqs:SendMessage"],
            resources: definitions.map { .arn(of: $0.names.queueLogicalID) })
        return ServerlessManifest(
            service: settings.service,
            frameworkVersion: settings.frameworkVersion,
            provider: ServerlessProvider(
                runtime: settings.runtime,
                region: settings.region,
                stage: settings.stage,
                environment: environment,
                iam: ProviderIAM(statements: [sendToQueues])),
            functions: functions,
            resources: ServerlessResources(resources: resources, outputs: outputs))
    }

    private func function(for definition: IntegrationDefinition) -> ServerlessFunction {
        let config = definition.queueConfig
        let event = SQSEvent(
            arn: .arn(of: definition.names.queueLogicalID),
            batchSize: config.batchSize,
            maximumBatchingWindow: config.maximumBatchingWindow,
            maximumConcurrency: config.maxConcurrency,
            functionResponseType: SQSEvent.reportBatchItemFailures)
        return ServerlessFunction(
            handler: definition.handler,
            runtime: definition.runtime == settings.runtime ? nil : definition.runtime,
            timeout: config.timeout,
            memorySize: config.memorySize,
            reservedConcurrency: config.maxWorkers,
            // The Serverless Framework's schema starts provisionedConcurrency at 1; 0 means none.
            provisionedConcurrency: config.provisioned.flatMap { $0 > 0 ? $0 : nil },
            environment: workerEnvironment(for: definition),
            package: FunctionPackage(artifact: FunctionPackage.artifactPath(handler: definition.handler)),
            events: [.sqs(event)])
    }

    /// API Gateway's HTTP APIs end an integration after 30 seconds; a webhook only queues work.
    static let webhookTimeout = 30

    /// The same executable, told by its event (an HTTP request, not SQS records) to queue the
    /// pushed persons for processing.
    private func webhookFunction(for definition: IntegrationDefinition) -> ServerlessFunction {
        ServerlessFunction(
            handler: definition.handler,
            runtime: definition.runtime == settings.runtime ? nil : definition.runtime,
            timeout: Self.webhookTimeout,
            memorySize: definition.queueConfig.memorySize,
            environment: workerEnvironment(for: definition),
            package: FunctionPackage(artifact: FunctionPackage.artifactPath(handler: definition.handler)),
            events: [.httpApi(HTTPAPIEvent(method: "POST", path: definition.names.webhookPath))])
    }

    /// The webhook function and the queue worker are the same executable with the same settings.
    private func workerEnvironment(for definition: IntegrationDefinition) -> [String: CloudFormationValue] {
        let sync = definition.syncConfig
        return [
            Self.integrationNameVariable: .string(definition.name),
            Self.initialBatchSizeVariable: .string(String(sync.initialBatchSize)),
            Self.ongoingBatchSizeVariable: .string(String(sync.ongoingBatchSize)),
            Self.reverseChronologicalVariable: .string(String(sync.reverseChronological)),
            Self.maxReceiveCountVariable: .string(String(definition.queueConfig.maxReceiveCount)),
        ]
    }

    private func queue(for definition: IntegrationDefinition) -> SQSQueueProperties {
        let config = definition.queueConfig
        return SQSQueueProperties(
            queueName: definition.names.queueName,
            visibilityTimeout: config.effectiveVisibilityTimeout,
            messageRetentionPeriod: config.messageRetentionPeriod,
            redrivePolicy: RedrivePolicy(
                deadLetterTargetArn: .arn(of: definition.names.deadLetterQueueLogicalID),
                maxReceiveCount: config.maxReceiveCount))
    }
}
