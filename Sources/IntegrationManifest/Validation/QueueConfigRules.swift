import StrictJSON

/// The rules between `queueConfig` keys: AWS's hard limits (errors) and its advice plus the
/// throttle-to-DLQ trap (warnings). Runs once every key is valid on its own.
struct QueueConfigRules {
    let file: String
    let config: QueueConfig

    /// The SQS event source polls with this many concurrent batches before it scales up.
    static let eventSourceStartingConcurrency = 5
    /// AWS advises at least this many receives before a message moves to the dead-letter queue.
    static let advisedMaxReceiveCount = 5
    /// Without a batching window Lambda takes at most this many messages per batch.
    static let batchSizeWithoutWindow = 10

    func diagnostics() -> [Diagnostic] {
        errors() + warnings()
    }

    private func errors() -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let provisioned = config.provisioned, provisioned > config.maxWorkers {
            found.append(error(.provisionedAboveMaxWorkers, .provisioned,
                "\(provisioned) exceeds maxWorkers \(config.maxWorkers); allowed 0 to \(config.maxWorkers), because provisioned concurrency is part of the reserved concurrency"))
        }
        if config.batchSize > Self.batchSizeWithoutWindow, (config.maximumBatchingWindow ?? 0) == 0 {
            found.append(error(.batchSizeNeedsBatchingWindow, .batchSize,
                "\(config.batchSize) needs a maximumBatchingWindow of at least 1 second; without one the allowed range is 1 to \(Self.batchSizeWithoutWindow)"))
        }
        if let visibilityTimeout = config.visibilityTimeout, visibilityTimeout < config.timeout {
            found.append(error(.visibilityTimeoutBelowTimeout, .visibilityTimeout,
                "\(visibilityTimeout) is less than timeout \(config.timeout); allowed \(config.timeout) to \(QueueConfig.Key.visibilityTimeout.range.upperBound), so a batch is not received again while it still runs"))
        }
        let visibilityTimeout = config.effectiveVisibilityTimeout
        if config.messageRetentionPeriod < visibilityTimeout {
            let described = config.visibilityTimeout == nil
                ? "visibilityTimeout \(visibilityTimeout) (\(QueueConfig.advisedVisibilityTimeoutFactor) × timeout)" : "visibilityTimeout \(visibilityTimeout)"
            found.append(error(.retentionBelowVisibilityTimeout, .messageRetentionPeriod,
                "\(config.messageRetentionPeriod) is shorter than \(described); allowed \(visibilityTimeout) to \(QueueConfig.Key.messageRetentionPeriod.range.upperBound)"))
        }
        return found
    }

    private func warnings() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let advisedVisibilityTimeout = QueueConfig.advisedVisibilityTimeoutFactor * config.timeout
        if let visibilityTimeout = config.visibilityTimeout,
            visibilityTimeout >= config.timeout, visibilityTimeout < advisedVisibilityTimeout
        {
            found.append(warning(.visibilityTimeoutBelowAdvice, .visibilityTimeout,
                "\(visibilityTimeout) is less than \(QueueConfig.advisedVisibilityTimeoutFactor) × timeout (\(advisedVisibilityTimeout)); AWS advises at least six times the function timeout so Lambda has time to retry a batch whose invocation was throttled"))
        }
        if config.maxReceiveCount < Self.advisedMaxReceiveCount {
            found.append(warning(.maxReceiveCountBelowAdvice, .maxReceiveCount,
                "\(config.maxReceiveCount) is below \(Self.advisedMaxReceiveCount); AWS advises at least \(Self.advisedMaxReceiveCount) so a message survives a few throttled or failed receives before it moves to the DLQ"))
        }
        let maxWorkers = config.maxWorkers
        if maxWorkers < Self.eventSourceStartingConcurrency {
            if !(config.maxConcurrency.map { $0 <= maxWorkers } ?? false) {
                let lowestMaxConcurrency = QueueConfig.Key.maxConcurrency.range.lowerBound
                let fix = maxWorkers >= lowestMaxConcurrency
                    ? "set queueConfig.maxConcurrency to \(maxWorkers)"
                    : "raise maxWorkers to at least \(lowestMaxConcurrency) and set queueConfig.maxConcurrency to the same value"
                found.append(warning(.throttleToDLQTrap, .maxWorkers,
                    "\(maxWorkers) is below the \(Self.eventSourceStartingConcurrency) concurrent batches the SQS event source starts with and maxConcurrency does not hold it to \(maxWorkers), so batches over the reserved concurrency are throttled, return after the visibility timeout with a higher receive count and reach the DLQ without ever running (the throttle-to-DLQ trap); fix: \(fix)"))
            }
        } else if let maxConcurrency = config.maxConcurrency, maxConcurrency > maxWorkers {
            found.append(warning(.maxConcurrencyAboveMaxWorkers, .maxConcurrency,
                "\(maxConcurrency) exceeds maxWorkers \(maxWorkers), so the event source can run more concurrent batches than the reserved concurrency allows and the extra ones are throttled, spending their messages' receive counts; set maxConcurrency to at most \(maxWorkers)"))
        }
        return found
    }

    private func error(_ code: DiagnosticCode, _ key: QueueConfig.Key, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, file: file, path: Self.path(key), message: message)
    }

    private func warning(_ code: DiagnosticCode, _ key: QueueConfig.Key, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, file: file, path: Self.path(key), message: message)
    }

    private static func path(_ key: QueueConfig.Key) -> JSONPath {
        JSONPath.root.appending(DefinitionDecoder.TopLevelKey.queueConfig.rawValue).appending(key.rawValue)
    }
}
