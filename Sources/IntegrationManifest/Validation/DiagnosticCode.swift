/// Stable identifiers of everything validation can report, for scripts and tests.
public enum DiagnosticCode: String, Sendable {
    // Errors
    case unreadableFile = "unreadable-file"
    case malformedJSON = "malformed-json"
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case wrongType = "wrong-type"
    case emptyValue = "empty-value"
    case outOfRange = "out-of-range"
    case unsupportedRuntime = "unsupported-runtime"
    case provisionedAboveMaxWorkers = "provisioned-above-max-workers"
    case batchSizeNeedsBatchingWindow = "batch-size-needs-batching-window"
    case visibilityTimeoutBelowTimeout = "visibility-timeout-below-timeout"
    case retentionBelowVisibilityTimeout = "retention-below-visibility-timeout"
    case invalidName = "invalid-name"
    case nameTooLong = "name-too-long"
    case duplicateName = "duplicate-name"
    case noDefinitions = "no-definitions"
    case unknownIntegration = "unknown-integration"
    // Warnings
    case visibilityTimeoutBelowAdvice = "visibility-timeout-below-advice"
    case maxReceiveCountBelowAdvice = "max-receive-count-below-advice"
    case throttleToDLQTrap = "throttle-to-dlq-trap"
    case maxConcurrencyAboveMaxWorkers = "max-concurrency-above-max-workers"
}
