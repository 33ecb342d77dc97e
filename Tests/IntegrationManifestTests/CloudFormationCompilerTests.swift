import Testing

@testable import IntegrationManifest
import StrictJSON

struct CloudFormationCompilerTests {
    private func template(_ queueConfig: QueueConfig, webhooks: Bool = false) throws -> [String: JSONValue] {
        let definition = IntegrationDefinition(
            name: "pipedrive", file: "functions/pipedrive/integration.json",
            personObjectTypes: [PersonObjectType(crmObjectName: "Person", quoContactType: "contact")],
            syncConfig: SyncConfig(supportsWebhooks: webhooks),
            queueConfig: queueConfig)
        let manifest = ServerlessManifestBuilder().manifest(for: [definition])
        guard case .object(let template) = try CloudFormationCompiler().template(for: manifest),
            case .object(let resources)? = template["Resources"]
        else {
            Issue.record("the template has no Resources object")
            return [:]
        }
        return resources
    }

    private func properties(_ resource: JSONValue?) -> [String: JSONValue] {
        guard case .object(let members)? = resource, case .object(let properties)? = members["Properties"] else { return [:] }
        return properties
    }

    @Test func provisionedConcurrencyLivesOnAnAliasThatTheQueueInvokes() throws {
        let resources = try template(QueueConfig(maxWorkers: 25, provisioned: 10))
        let alias = properties(resources["PipedriveQueueWorkerProvConcLambdaAlias"])
        #expect(alias["ProvisionedConcurrencyConfig"] == ["ProvisionedConcurrentExecutions": 10])
        #expect(alias["FunctionVersion"] == ["Fn::GetAtt": ["PipedriveQueueWorkerLambdaVersion", "Version"]])
        #expect(properties(resources["PipedriveQueueWorkerLambdaVersion"])["FunctionName"] == ["Ref": "PipedriveQueueWorkerLambdaFunction"])
        let mapping = properties(resources["PipedriveQueueWorkerEventSourceMappingSQSPipedriveQueue"])
        #expect(mapping["FunctionName"] == ["Ref": "PipedriveQueueWorkerProvConcLambdaAlias"])
        #expect(properties(resources["PipedriveQueueWorkerLambdaFunction"])["ReservedConcurrentExecutions"] == 25)
    }

    @Test("a CRM that pushes changes gets a webhook function behind an HTTP API route (payload 2.0) that API Gateway may invoke")
    func webhookBehindAnHTTPAPI() throws {
        let resources = try template(QueueConfig(maxWorkers: 15), webhooks: true)
        #expect(properties(resources["PipedriveWebhookLambdaFunction"])["Timeout"] == 30)
        #expect(properties(resources["HttpApi"]) == ["Name": "crm-sync", "ProtocolType": "HTTP"])
        #expect(properties(resources["HttpApiStage"])["StageName"] == "$default")
        let integration = properties(resources["PipedriveWebhookHttpApiIntegration"])
        #expect(integration["IntegrationUri"] == ["Fn::GetAtt": ["PipedriveWebhookLambdaFunction", "Arn"]])
        #expect(integration["PayloadFormatVersion"] == "2.0")
        let route = properties(resources["HttpApiRoutePostWebhooksPipedrive"])
        #expect(route["RouteKey"] == "POST /webhooks/pipedrive")
        #expect(route["Target"] == ["Fn::Join": ["/", ["integrations", ["Ref": "PipedriveWebhookHttpApiIntegration"]]]])
        #expect(properties(resources["PipedriveWebhookLambdaPermissionHttpApi"])["Principal"] == "apigateway.amazonaws.com")
        let withoutWebhooks = try template(QueueConfig(maxWorkers: 15))
        #expect(withoutWebhooks["HttpApi"] == nil && withoutWebhooks["PipedriveWebhookLambdaFunction"] == nil)
    }

    @Test func withoutProvisionedConcurrencyTheQueueInvokesTheFunction() throws {
        for config in [QueueConfig(maxWorkers: 15), QueueConfig(maxWorkers: 15, provisioned: 0)] {
            let resources = try template(config)
            #expect(resources["PipedriveQueueWorkerProvConcLambdaAlias"] == nil)
            #expect(resources["PipedriveQueueWorkerLambdaVersion"] == nil)
            let mapping = properties(resources["PipedriveQueueWorkerEventSourceMappingSQSPipedriveQueue"])
            #expect(mapping["FunctionName"] == ["Ref": "PipedriveQueueWorkerLambdaFunction"])
        }
    }

    @Test func eventSourceMappingCarriesTheBatchingAndScalingSettings() throws {
        let resources = try template(QueueConfig(maxWorkers: 20, maxConcurrency: 20, batchSize: 100, timeout: 120, maximumBatchingWindow: 5))
        #expect(properties(resources["PipedriveQueueWorkerEventSourceMappingSQSPipedriveQueue"]) == [
            "EventSourceArn": ["Fn::GetAtt": ["PipedriveQueue", "Arn"]],
            "FunctionName": ["Ref": "PipedriveQueueWorkerLambdaFunction"],
            "BatchSize": 100,
            "MaximumBatchingWindowInSeconds": 5,
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "ScalingConfig": ["MaximumConcurrency": 20],
            "Enabled": true,
        ])
        let function = properties(resources["PipedriveQueueWorkerLambdaFunction"])
        #expect(function["Timeout"] == 120)
        #expect(function["Environment"] == ["Variables": [
            "INTEGRATION_NAME": "pipedrive", "PIPEDRIVE_QUEUE_URL": ["Ref": "PipedriveQueue"], "SYNC_INITIAL_BATCH_SIZE": "100",
            "SYNC_ONGOING_BATCH_SIZE": "50", "SYNC_REVERSE_CHRONOLOGICAL": "true", "SYNC_MAX_RECEIVE_COUNT": "5",
        ]])
        #expect(properties(resources["PipedriveQueue"])["VisibilityTimeout"] == 720)
    }

    @Test func theRoleLetsWorkersConsumeAndFeedTheirQueue() throws {
        let resources = try template(QueueConfig())
        let queueArn: JSONValue = ["Fn::GetAtt": ["PipedriveQueue", "Arn"]]
        #expect(properties(resources["IamRoleLambdaExecution"])["Policies"] == [
            [
                "PolicyName": "crm-sync-queue-workers",
                "PolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": [
                        [
                            "Effect": "Allow",
                            "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"],
                            "Resource": [queueArn],
                        ],
                        ["Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [queueArn]],
                    ],
                ],
            ]
        ])
    }

    @Test func normalizesFunctionNamesIntoLogicalIDsAsServerlessDoes() {
        #expect(ServerlessNaming.normalizedName("zohoCrmQueueWorker") == "ZohoCrmQueueWorker")
        #expect(ServerlessNaming.normalizedName("my-func_v2") == "MyDashfuncUnderscorev2")
    }
}

@Suite("The compiled event source mapping keeps an sqs event's filters and enabled flag")
struct CompiledMappingTests {
    @Test("filterPatterns become FilterCriteria.Filters[].Pattern JSON strings; enabled: false stays false")
    func filtersAndEnabled() throws {
        let event = SQSEvent(arn: .arn(of: "Orders"), filterPatterns: [["body": ["kind": ["order"]]]], enabled: false)
        let manifest = ServerlessManifest(
            service: "shop", frameworkVersion: "3", provider: ServerlessProvider(runtime: "provided.al2023"),
            functions: ["worker": ServerlessFunction(handler: "worker", events: [.sqs(event)])], resources: nil)
        let template = try CloudFormationCompiler().template(for: manifest)
        guard case .object(let root) = template, case .object(let resources)? = root["Resources"],
              case .object(let mapping)? = resources["WorkerEventSourceMappingSQSOrders"], case .object(let properties)? = mapping["Properties"]
        else {
            Issue.record("no mapping in \(template)")
            return
        }
        #expect(properties["Enabled"] == false)
        #expect(properties["FilterCriteria"] == ["Filters": [["Pattern": #"{"body":{"kind":["order"]}}"#]]])
    }
}
