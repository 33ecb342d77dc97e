/// Every identifier derived from an integration's name, so that all outputs agree.
///
/// CloudFormation logical IDs must be alphanumeric and environment variable names cannot hold
/// hyphens, so `zoho-crm` becomes `ZohoCrmQueue`, `zohoCrmQueueWorker` and `ZOHO_CRM_QUEUE_URL`.
public struct IntegrationNames: Equatable, Sendable {
    public let integration: String

    public init(integration: String) {
        self.integration = integration
    }

    private var words: [Substring] {
        integration.split(whereSeparator: { $0 == "-" || $0 == "_" })
    }

    /// `ZohoCrm`: the stem of CloudFormation logical IDs.
    public var pascalCase: String {
        words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    public var functionName: String {
        pascalCase.prefix(1).lowercased() + pascalCase.dropFirst() + "QueueWorker"
    }

    /// The function that receives the CRM's webhooks over HTTP, when the integration has them.
    public var webhookFunctionName: String {
        pascalCase.prefix(1).lowercased() + pascalCase.dropFirst() + "Webhook"
    }

    /// Where the CRM posts its webhooks.
    public var webhookPath: String { "/webhooks/" + integration }

    public var queueLogicalID: String { pascalCase + "Queue" }
    public var deadLetterQueueLogicalID: String { pascalCase + "DLQ" }

    public var queueName: String { integration + Self.queueSuffix }
    public var deadLetterQueueName: String { integration + Self.deadLetterQueueSuffix }

    /// The variable the handler reads its queue URL from (the seed's `getQueueUrl()`).
    public var queueURLVariable: String {
        words.map { $0.uppercased() }.joined(separator: "_") + "_QUEUE_URL"
    }

    static let queueSuffix = "-queue"
    static let deadLetterQueueSuffix = "-dlq"
    /// SQS's limit on queue names.
    static let maximumQueueNameLength = 80
}
