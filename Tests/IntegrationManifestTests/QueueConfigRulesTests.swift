import Testing

@testable import IntegrationManifest

struct QueueConfigRulesTests {
    private let file = "functions/pipedrive/integration.json"

    private func findings(_ queueConfig: String) -> [String] {
        Definitions.messages(Definitions.withQueueConfig(queueConfig))
    }

    // MARK: Errors

    @Test func provisionedMustNotExceedMaxWorkers() {
        #expect(findings(#""maxWorkers": 25, "provisioned": 30"#) == [
            "\(file): queueConfig.provisioned: 30 exceeds maxWorkers 25; allowed 0 to 25, because provisioned concurrency is part of the reserved concurrency"
        ])
        #expect(findings(#""provisioned": 10"#) == [
            "\(file): queueConfig.provisioned: 10 exceeds maxWorkers 5; allowed 0 to 5, because provisioned concurrency is part of the reserved concurrency"
        ])
    }

    @Test func largeBatchesNeedABatchingWindow() {
        let expected = "\(file): queueConfig.batchSize: 100 needs a maximumBatchingWindow of at least 1 second; without one the allowed range is 1 to 10"
        #expect(findings(#""batchSize": 100"#) == [expected])
        #expect(findings(#""batchSize": 100, "maximumBatchingWindow": 0"#) == [expected])
        #expect(findings(#""batchSize": 100, "maximumBatchingWindow": 5"#).isEmpty)
        #expect(findings(#""batchSize": 10"#).isEmpty)
    }

    @Test func visibilityTimeoutMustCoverTheFunctionTimeout() {
        #expect(findings(#""visibilityTimeout": 300"#) == [
            "\(file): queueConfig.visibilityTimeout: 300 is less than timeout 600; allowed 600 to 43200, so a batch is not received again while it still runs"
        ])
    }

    @Test func retentionMustNotBeShorterThanTheVisibilityTimeout() {
        #expect(findings(#""messageRetentionPeriod": 600"#) == [
            "\(file): queueConfig.messageRetentionPeriod: 600 is shorter than visibilityTimeout 3600 (6 × timeout); allowed 3600 to 1209600"
        ])
        #expect(findings(#""visibilityTimeout": 4000, "messageRetentionPeriod": 3000"#) == [
            "\(file): queueConfig.messageRetentionPeriod: 3000 is shorter than visibilityTimeout 4000; allowed 4000 to 1209600"
        ])
    }

    // MARK: Warnings

    @Test func warnsWhenTheVisibilityTimeoutIsBelowAWSAdvice() {
        let report = Definitions.validate(Definitions.withQueueConfig(#""visibilityTimeout": 900"#))
        #expect(report.warnings.map(\.description) == [
            "\(file): queueConfig.visibilityTimeout: 900 is less than 6 × timeout (3600); AWS advises at least six times the function timeout so Lambda has time to retry a batch whose invocation was throttled"
        ])
        #expect(report.errors.isEmpty)
        #expect(report.definitions.count == 1)
    }

    @Test func warnsWhenMaxReceiveCountIsBelowAWSAdvice() {
        let report = Definitions.validate(Definitions.withQueueConfig(#""maxReceiveCount": 3"#))
        #expect(report.warnings.map(\.description) == [
            "\(file): queueConfig.maxReceiveCount: 3 is below 5; AWS advises at least 5 so a message survives a few throttled or failed receives before it moves to the DLQ"
        ])
    }

    @Test func warnsAboutTheThrottleToDLQTrapAndNamesTheFix() {
        let trap = "is below the 5 concurrent batches the SQS event source starts with and maxConcurrency does not hold it to"
        let consequence = "so batches over the reserved concurrency are throttled, return after the visibility timeout with a higher receive count and reach the DLQ without ever running (the throttle-to-DLQ trap)"
        #expect(findings(#""maxWorkers": 2"#) == [
            "\(file): queueConfig.maxWorkers: 2 \(trap) 2, \(consequence); fix: set queueConfig.maxConcurrency to 2"
        ])
        #expect(findings(#""maxWorkers": 4, "maxConcurrency": 10"#) == [
            "\(file): queueConfig.maxWorkers: 4 \(trap) 4, \(consequence); fix: set queueConfig.maxConcurrency to 4"
        ])
        #expect(findings(#""maxWorkers": 1"#) == [
            "\(file): queueConfig.maxWorkers: 1 \(trap) 1, \(consequence); fix: raise maxWorkers to at least 2 and set queueConfig.maxConcurrency to the same value"
        ])
        let warning = Definitions.validate(Definitions.withQueueConfig(#""maxWorkers": 2"#)).diagnostics.first
        #expect(warning?.severity == .warning)
        #expect(warning?.code == .throttleToDLQTrap)
    }

    @Test func maxConcurrencyWithinMaxWorkersAvoidsTheTrap() {
        #expect(findings(#""maxWorkers": 2, "maxConcurrency": 2"#).isEmpty)
        #expect(findings(#""maxWorkers": 4, "maxConcurrency": 3"#).isEmpty)
        #expect(findings(#""maxWorkers": 5"#).isEmpty)
    }

    @Test func warnsWhenMaxConcurrencyExceedsMaxWorkers() {
        #expect(findings(#""maxWorkers": 50, "maxConcurrency": 100"#) == [
            "\(file): queueConfig.maxConcurrency: 100 exceeds maxWorkers 50, so the event source can run more concurrent batches than the reserved concurrency allows and the extra ones are throttled, spending their messages' receive counts; set maxConcurrency to at most 50"
        ])
    }

    @Test func crossKeyRulesWaitUntilEveryKeyIsValid() {
        // provisioned 30 > maxWorkers would be reported too if the bad timeout did not stop the rules.
        #expect(findings(#""maxWorkers": 2, "provisioned": 30, "timeout": 0"#) == [
            "\(file): queueConfig.timeout: 0 is out of range; allowed 1 to 900"
        ])
    }
}
