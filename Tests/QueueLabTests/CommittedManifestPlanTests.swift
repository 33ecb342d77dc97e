import EventSourceMapping
import Foundation
import IntegrationManifest
import QueueLab
import TestSupport
import Testing

@Suite("The committed serverless.json as QueueLab runs it")
struct CommittedManifestPlanTests {
    static let file = TestPaths.packageRoot + "/serverless.json"
    static let integrations = ["attio", "axiscare", "pipedrive", "scalingTest", "zohoCrm"]

    static func load() throws -> ManifestPlan {
        try ManifestPlan.load(file: file, accountId: ManifestFixture.accountId, region: ManifestFixture.region, stage: nil)
    }

    @Test("9 functions (5 queue workers, 4 webhooks: AxisCare only polls), 10 queues (each dead-letter queue before its queue), 5 mappings, no async settings")
    func committed() throws {
        let plan = try Self.load()
        #expect(plan.format == .serverless)
        #expect(plan.stackName == "crm-sync-dev")
        #expect(plan.functions.map(\.name) == Self.integrations.flatMap { $0 == "axiscare" ? [$0 + "QueueWorker"] : [$0 + "QueueWorker", $0 + "Webhook"] })
        #expect(plan.queues.count == 10)
        #expect(plan.mappings.count == 5)
        #expect(plan.asyncInvokes.isEmpty)
        for queue in plan.queues where queue.attributes["RedrivePolicy"] != nil {
            let deadLetterQueue = try #require(plan.queues.firstIndex { queue.attributes["RedrivePolicy"]?.contains("\"\($0.arn)\"") == true })
            let position = try #require(plan.queues.firstIndex(of: queue))
            #expect(deadLetterQueue < position)
        }
        let zoho = try #require(plan.queues.first { $0.logicalID == "ZohoCrmQueue" })
        #expect(zoho == QueueDeclaration(
            key: "resources.Resources.ZohoCrmQueue", logicalID: "ZohoCrmQueue", name: "zoho-crm-queue",
            arn: "arn:aws:sqs:eu-west-1:123456789012:zoho-crm-queue",
            attributes: [
                "MessageRetentionPeriod": "345600", "VisibilityTimeout": "3600",
                "RedrivePolicy": #"{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:zoho-crm-dlq","maxReceiveCount":5}"#,
            ]))
        #expect(plan.mappings.first { $0.functionName == "zohoCrmQueueWorker" } == MappingDeclaration(
            key: "functions.zohoCrmQueueWorker.events[0].sqs", functionName: "zohoCrmQueueWorker", queueARN: zoho.arn,
            options: MappingOptions(batchSize: 10, maximumConcurrency: 100, reportsBatchItemFailures: true)))
        let worker = try #require(plan.configurations(sqsEndpoint: "http://127.0.0.1:9324").first { $0.name == "zohoCrmQueueWorker" })
        #expect(worker.environment["INTEGRATION_NAME"] == "zoho-crm")
        #expect(worker.environment["ZOHO_CRM_QUEUE_URL"] == "http://127.0.0.1:9324/123456789012/zoho-crm-queue")
        #expect(worker.environment["SYNC_INITIAL_BATCH_SIZE"] == "100" && worker.environment["SYNC_MAX_RECEIVE_COUNT"] == "5")
        // The provider's five queue URLs, and the worker's own INTEGRATION_NAME and four SYNC_* settings.
        #expect(worker.environment.count == 10)
        #expect((worker.reservedConcurrency, worker.provisionedConcurrency, worker.timeout, worker.memorySize) == (50, 10, 600, 1024))
    }

    @Test("compiled by CloudFormationCompiler into a template, it loads into the same functions, queues and mappings")
    func compiledTemplate() throws {
        let manifest = try JSONDecoder().decode(ServerlessManifest.self, from: Data(contentsOf: URL(fileURLWithPath: Self.file)))
        let template = try JSONEncoder().encode(try CloudFormationCompiler().template(for: manifest))
        let compiled = try ManifestPlan(
            contents: Array(template), file: TestPaths.packageRoot + "/template.json", accountId: ManifestFixture.accountId,
            region: ManifestFixture.region, stage: nil, environment: [:])
        let plan = try Self.load()
        #expect(compiled.format == .cloudFormation)
        #expect(compiled.configurations(sqsEndpoint: "http://127.0.0.1:1") == plan.configurations(sqsEndpoint: "http://127.0.0.1:1"))
        #expect(compiled.functions.map(\.environment) == plan.functions.map(\.environment))
        #expect(compiled.queues.map(\.withoutKey) == plan.queues.map(\.withoutKey))
        #expect(Set(compiled.mappings.map(\.withoutKey)) == Set(plan.mappings.map(\.withoutKey)))
        #expect(compiled.mappings.count == plan.mappings.count)
        #expect(compiled.asyncInvokes == plan.asyncInvokes)
    }
}

extension QueueDeclaration {
    /// Everything but where it is declared, which differs between a serverless.json and its template.
    fileprivate var withoutKey: QueueDeclaration {
        QueueDeclaration(key: "", logicalID: logicalID, name: name, arn: arn, attributes: attributes)
    }
}

extension MappingDeclaration {
    fileprivate var withoutKey: MappingDeclaration {
        MappingDeclaration(key: "", functionName: functionName, queueARN: queueARN, options: options)
    }
}
