import Crypto
import Foundation

extension MappingConfiguration {
    /// Applies CreateEventSourceMapping's rules for SQS, with AWS's messages where AWS documents or
    /// is known to send them: batch size 1–10, or up to 10,000 with a batching window; FIFO at most
    /// 10 and no window; window 0–300; maximum concurrency 2–1000; the function's timeout within the
    /// queue's visibility timeout; filters AWS can parse.
    public static func validated(_ request: MappingRequest, region: String) throws(MappingValidationError) -> MappingConfiguration {
        func refuse(_ setting: String, _ value: some CustomStringConvertible, _ rule: String) -> MappingValidationError {
            MappingValidationError(request: request, setting: setting, value: "\(value)", rule: rule)
        }
        func range(_ setting: String, _ field: String, _ value: Int, _ allowed: ClosedRange<Int>) throws(MappingValidationError) {
            guard allowed.contains(value) else {
                let bound = value < allowed.lowerBound
                    ? "greater than or equal to \(allowed.lowerBound)" : "less than or equal to \(allowed.upperBound)"
                throw refuse(setting, value, "1 validation error detected: Value '\(value)' at '\(field)' failed to satisfy constraint: Member must have value \(bound)")
            }
        }
        let batchSize = request.options.batchSize ?? defaultBatchSize
        let window = request.options.maximumBatchingWindow ?? 0
        try range("batchSize", "batchSize", batchSize, batchSizeRange)
        try range("maximumBatchingWindow", "maximumBatchingWindowInSeconds", window, batchingWindowRange)
        if let maximumConcurrency = request.options.maximumConcurrency {
            try range("maximumConcurrency", "scalingConfig.maximumConcurrency", maximumConcurrency, maximumConcurrencyRange)
        }
        if request.queue.isFifo {
            guard window == 0 else {
                throw refuse("maximumBatchingWindow", window, "Batching window is not supported for FIFO queues")
            }
            guard batchSize <= 10 else {
                throw refuse("batchSize", batchSize, "Batch size for FIFO queues must be between 1 and 10")
            }
        } else if batchSize > 10, window == 0 {
            throw refuse("batchSize", batchSize, "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10")
        }
        guard request.functionTimeout <= Double(request.queue.visibilityTimeout) else {
            throw refuse(
                "timeout", Int(request.functionTimeout),
                "Queue visibility timeout: \(request.queue.visibilityTimeout) seconds is less than Function timeout: \(Int(request.functionTimeout.rounded(.up))) seconds")
        }
        let filters: FilterCriteria
        do {
            filters = request.options.filterPatterns.isEmpty ? .none : try FilterCriteria(patterns: request.options.filterPatterns)
        } catch {
            throw refuse("filterPatterns", "[\(request.options.filterPatterns.joined(separator: ", "))]", error.description)
        }
        return MappingConfiguration(
            id: mappingID(function: request.functionName, queueARN: request.queue.arn),
            functionName: request.functionName, queueName: request.queue.name, queueARN: request.queue.arn,
            region: region, isFifo: request.queue.isFifo, batchSize: batchSize, maximumBatchingWindow: window,
            maximumConcurrency: request.options.maximumConcurrency, reportsBatchItemFailures: request.options.reportsBatchItemFailures,
            filters: filters, enabled: request.options.enabled, functionTimeout: request.functionTimeout,
            visibilityTimeout: effectiveVisibilityTimeout(window: window, request: request))
    }

    /// Lambda's guide: "If your batch window is greater than 0, and (batch window) + (function
    /// timeout) > (queue visibility timeout), then your effective queue visibility timeout is
    /// (batch window) + (function timeout) + 30s."
    static func effectiveVisibilityTimeout(window: Int, request: MappingRequest) -> Int? {
        let needed = window + Int(request.functionTimeout.rounded(.up))
        return window > 0 && needed > request.queue.visibilityTimeout ? needed + 30 : nil
    }

    /// A UUID derived from the function and the queue (SHA-256, marked as RFC 9562's version 8,
    /// "custom"), so a mapping keeps its id across restarts and its attempt records stay together.
    static func mappingID(function: String, queueARN: String) -> String {
        var bytes = Array(SHA256.hash(data: Array("\(function)\n\(queueARN)".utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80  // version 8
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        return [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
            .joined(separator: "-")
    }
}
