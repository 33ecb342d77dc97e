import Foundation
import Testing

@testable import IntegrationManifest

/// The five seed definitions in `functions/` and the `serverless.json` committed beside them.
struct CommittedManifestTests {
    private let generator = ManifestGenerator(root: PackageRoot.url)

    /// What `queuelab generate --check` verifies in CI.
    @Test func committedManifestIsWhatTheDefinitionsProduce() throws {
        try generator.check(try generator.generate(), against: ManifestGenerator.manifestFile)
    }

    @Test func committedManifestDecodesAndRendersBackToTheSameBytes() throws {
        let data = try Data(contentsOf: PackageRoot.url.appendingPathComponent(ManifestGenerator.manifestFile))
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: data)
        #expect(manifest.functions.keys.sorted() == [
            "attioQueueWorker", "attioWebhook", "axiscareQueueWorker", "pipedriveQueueWorker", "pipedriveWebhook",
            "scalingTestQueueWorker", "scalingTestWebhook", "zohoCrmQueueWorker", "zohoCrmWebhook",
        ])
        #expect(manifest.functions["zohoCrmWebhook"]?.httpAPIEvents == [HTTPAPIEvent(method: "POST", path: "/webhooks/zoho-crm")])
        #expect(manifest.functions["zohoCrmWebhook"]?.timeout == 30)
        #expect(try ManifestRenderer().render(manifest, as: .json) == String(decoding: data, as: UTF8.self))
    }

    @Test func definitionsCarryTheSeedsQueueConfigs() throws {
        let loaded = DefinitionLoader(root: PackageRoot.url).load()
        let report = DefinitionValidator().validate(loaded.sources)
        #expect(loaded.diagnostics.isEmpty)
        #expect(report.errors.isEmpty)
        let configs = Dictionary(uniqueKeysWithValues: report.definitions.map { ($0.name, $0.queueConfig) })
        #expect(configs == [
            "pipedrive": QueueConfig(maxWorkers: 25, provisioned: 10),
            "zoho-crm": QueueConfig(maxWorkers: 50, provisioned: 10, maxConcurrency: 100, batchSize: 10, timeout: 600),
            "attio": QueueConfig(maxWorkers: 30, provisioned: 10),
            "axiscare": QueueConfig(maxWorkers: 15),
            "scaling-test": QueueConfig(maxWorkers: 50, provisioned: 20),
        ])
        let objectTypes = Dictionary(uniqueKeysWithValues: report.definitions.map { ($0.name, $0.personObjectTypes.map(\.crmObjectName)) })
        #expect(objectTypes == [
            "pipedrive": ["Person"], "zoho-crm": ["Contact", "Lead"], "attio": ["Person"], "axiscare": ["Contact"], "scaling-test": ["MockPerson"],
        ])
        let axiscare = try #require(report.definitions.first { $0.name == "axiscare" })
        #expect(axiscare.syncConfig.supportsWebhooks == false)
        #expect(axiscare.syncConfig.pollIntervalMinutes == 30)
        // The seed's Zoho example asks for more concurrent batches than workers; generate says so.
        #expect(report.warnings.map(\.description) == [
            "functions/zoho-crm/integration.json: queueConfig.maxConcurrency: 100 exceeds maxWorkers 50, so the event source can run more concurrent batches than the reserved concurrency allows and the extra ones are throttled, spending their messages' receive counts; set maxConcurrency to at most 50"
        ])
    }

    @Test func zohoWorkerHasEverySettingOfItsDefinition() throws {
        let data = try Data(contentsOf: PackageRoot.url.appendingPathComponent(ManifestGenerator.manifestFile))
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: data)
        #expect(manifest.functions["zohoCrmQueueWorker"] == ServerlessFunction(
            handler: "crm-sync", timeout: 600, memorySize: 1024, reservedConcurrency: 50, provisionedConcurrency: 10,
            environment: [
                "INTEGRATION_NAME": .string("zoho-crm"), "SYNC_INITIAL_BATCH_SIZE": .string("100"), "SYNC_ONGOING_BATCH_SIZE": .string("50"),
                "SYNC_REVERSE_CHRONOLOGICAL": .string("true"), "SYNC_MAX_RECEIVE_COUNT": .string("5"),
            ],
            package: FunctionPackage(artifact: ".build/lambda/crm-sync/crm-sync.zip"),
            events: [.sqs(SQSEvent(arn: .arn(of: "ZohoCrmQueue"), batchSize: 10, maximumConcurrency: 100, functionResponseType: "ReportBatchItemFailures"))]))
        #expect(manifest.resources?.queues["ZohoCrmQueue"] == SQSQueueProperties(
            queueName: "zoho-crm-queue", visibilityTimeout: 3600, messageRetentionPeriod: 345_600,
            redrivePolicy: RedrivePolicy(deadLetterTargetArn: .arn(of: "ZohoCrmDLQ"), maxReceiveCount: 5)))
        #expect(manifest.resources?.queues["ZohoCrmDLQ"] == SQSQueueProperties(queueName: "zoho-crm-dlq", messageRetentionPeriod: 1_209_600))
        #expect(manifest.provider.environment?["ZOHO_CRM_QUEUE_URL"] == .ref("ZohoCrmQueue"))
        #expect(manifest.resources?.outputs?["ZohoCrmQueueUrl"] == CloudFormationOutput(value: .ref("ZohoCrmQueue")))
    }
}
