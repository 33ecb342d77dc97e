import EventSourceMapping
import FunctionHost
import QueueStore
import StrictJSON

/// What a manifest becomes on a state file: its mappings checked as Lambda's
/// CreateEventSourceMapping checks them, its failure destinations found, and its queues created or
/// brought up to date. Every check runs before anything changes, so a refused manifest leaves the
/// state file as it was.
struct ManifestDeployment {
    let plan: ManifestPlan
    let store: QueueStore
    let region: String

    /// The settled manifest: its functions with their asynchronous settings, and its mappings.
    struct Deployed: Sendable {
        let plan: ManifestPlan
        let asyncInvokes: [String: AsyncInvokeConfiguration]
        let mappings: [MappingConfiguration]

        /// The functions as a run records them.
        var runFunctions: [RunRecord.Function] {
            configurations(sqsEndpoint: "").map {
                RunRecord.Function(
                    name: $0.name, memorySize: $0.memorySize, timeout: Int($0.timeout.rounded(.up)),
                    reservedConcurrency: $0.reservedConcurrency, provisionedConcurrency: $0.provisionedConcurrency)
            }
        }

        /// The event source mappings as a run records them.
        var runMappings: [RunRecord.Mapping] {
            mappings.map {
                RunRecord.Mapping(
                    id: $0.id, queueName: $0.queueName, functionName: $0.functionName, batchSize: $0.batchSize,
                    maximumConcurrency: $0.maximumConcurrency)
            }
        }

        /// The function host's configurations, with queue URLs on `sqsEndpoint`.
        func configurations(sqsEndpoint: String) -> [FunctionConfiguration] {
            plan.configurations(sqsEndpoint: sqsEndpoint).map { function in
                var function = function
                if let asyncInvoke = asyncInvokes[function.name] { function.asyncInvoke = asyncInvoke }
                return function
            }
        }
    }

    func deploy() async throws(ManifestLoadError) -> Deployed {
        let existing = try await existingQueues()
        let mappings = try validatedMappings(existing: existing)
        let asyncInvokes = try asyncSettings(existing: existing)
        for queue in plan.queues {
            try await apply(queue, existing: existing[queue.name])
        }
        return Deployed(plan: plan, asyncInvokes: asyncInvokes, mappings: mappings)
    }

    private func existingQueues() async throws(ManifestLoadError) -> [String: QueueRecord] {
        do {
            return Dictionary(uniqueKeysWithValues: try await store.overview().map { ($0.queue.name, $0.queue) })
        } catch {
            throw .queueRejected(file: plan.file, key: "(state file)", error)
        }
    }

    // MARK: Mappings

    private func validatedMappings(existing: [String: QueueRecord]) throws(ManifestLoadError) -> [MappingConfiguration] {
        var mappings: [MappingConfiguration] = []
        var declaredAt: [String: String] = [:]
        for declaration in plan.mappings {
            guard let function = plan.functions.first(where: { $0.name == declaration.functionName }) else {
                throw .unresolvedReference(
                    file: plan.file, key: declaration.key, reference: declaration.functionName, reason: "no such function in the manifest")
            }
            let queue = try facts(of: declaration.queueARN, key: declaration.key, existing: existing)
            let pair = declaration.functionName + "\n" + declaration.queueARN
            if let otherKey = declaredAt[pair] {
                throw .duplicateMapping(
                    file: plan.file, key: declaration.key, otherKey: otherKey, function: declaration.functionName, queueARN: declaration.queueARN)
            }
            declaredAt[pair] = declaration.key
            let request = MappingRequest(
                key: declaration.key, functionName: declaration.functionName, functionTimeout: function.settings.timeout,
                queue: queue, options: declaration.options)
            do {
                mappings.append(try MappingConfiguration.validated(request, region: region))
            } catch {
                throw .mappingRejected(file: plan.file, error)
            }
        }
        return mappings
    }

    /// The queue as it will be once deployed: declared in the manifest, or already in the state file.
    private func facts(of arn: String, key: String, existing: [String: QueueRecord]) throws(ManifestLoadError) -> MappingRequest.QueueFacts {
        if let declared = plan.queues.first(where: { $0.arn == arn }) {
            return MappingRequest.QueueFacts(
                name: declared.name, arn: arn, isFifo: declared.isFIFO,
                visibilityTimeout: (declared.attributes["VisibilityTimeout"] ?? Self.defaults(fifo: declared.isFIFO)["VisibilityTimeout"])
                    .flatMap { Int($0) } ?? 0)
        }
        guard let queue = existing.values.first(where: { $0.arn == arn }) else {
            throw .queueNotFound(file: plan.file, key: key, arn: arn)
        }
        return MappingRequest.QueueFacts(name: queue.name, arn: arn, isFifo: queue.fifoQueue, visibilityTimeout: queue.visibilityTimeout)
    }

    // MARK: Asynchronous invocations

    private func asyncSettings(existing: [String: QueueRecord]) throws(ManifestLoadError) -> [String: AsyncInvokeConfiguration] {
        var settings: [String: AsyncInvokeConfiguration] = [:]
        for declaration in plan.asyncInvokes {
            let key = "functions.\(declaration.functionName)"
            for arn in [declaration.onFailureQueueARN, declaration.deadLetterQueueARN].compactMap({ $0 }) {
                let queue = try facts(of: arn, key: key, existing: existing)
                if queue.isFifo {
                    throw .unsupportedTarget(file: plan.file, key: key, target: arn, kind: "a FIFO queue (Lambda sends failed events to standard queues only)")
                }
            }
            var configuration = AsyncInvokeConfiguration(onFailure: declaration.onFailureQueueARN, deadLetterTarget: declaration.deadLetterQueueARN)
            if let retries = declaration.maximumRetryAttempts { configuration.maximumRetryAttempts = retries }
            if let age = declaration.maximumEventAge { configuration.maximumEventAge = age }
            settings[declaration.functionName] = configuration
        }
        return settings
    }

    // MARK: Queues

    /// The attributes a manifest controls: a property it no longer declares goes back to SQS's
    /// default, as CloudFormation resets it. (Policies, tags and encryption are left as they are.)
    static let controlled: Set<String> = [
        "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout",
        "RedrivePolicy", "RedriveAllowPolicy", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
    ]

    static func defaults(fifo: Bool) -> [String: String] {
        QueueRecord.defaultAttributes(fifo: fifo).filter { controlled.contains($0.key) }
    }

    /// Creates the queue, or changes what differs the way SetQueueAttributes would (its messages stay).
    private func apply(_ queue: QueueDeclaration, existing: QueueRecord?) async throws(ManifestLoadError) {
        if let existing, existing.fifoQueue != queue.isFIFO {
            throw .queueTypeChanged(file: plan.file, key: queue.key, name: queue.name, nowFIFO: queue.isFIFO)
        }
        do throws(SQSError) {
            guard existing != nil else {
                _ = try await store.createQueue(name: queue.name, attributes: queue.attributes, region: region)
                return
            }
            let current = try await store.attributes(ofQueue: queue.name, names: ["All"])
            let desired = Self.defaults(fifo: queue.isFIFO)
                .merging(queue.attributes.filter { $0.key != QueueDeclaration.fifoQueue }) { _, declared in declared }
            let changed = desired.filter { name, value in !Self.same(value, current[name] ?? "") }
            if !changed.isEmpty { try await store.setAttributes(ofQueue: queue.name, changed) }
        } catch {
            throw .queueRejected(file: plan.file, key: queue.key, error)
        }
    }

    /// Equal as SQS stores them: JSON policies compared as JSON, everything else as written.
    private static func same(_ declared: String, _ current: String) -> Bool {
        if declared == current { return true }
        guard let left = try? JSONParser.parse(Array(declared.utf8)), let right = try? JSONParser.parse(Array(current.utf8)) else {
            return false
        }
        return left == right
    }
}
