import StrictJSON

/// An `sqs` event: the event source mapping from a queue to the function. The Serverless Framework
/// accepts `batchSize` 1–10000, `maximumBatchingWindow` 0–300 and `maximumConcurrency` 2–1000.
public struct SQSEvent: Codable, Equatable, Sendable {
    public var arn: CloudFormationValue
    public var batchSize: Int?
    public var maximumBatchingWindow: Int?
    public var maximumConcurrency: Int?
    /// `ReportBatchItemFailures` for partial batch responses.
    public var functionResponseType: String?
    /// 1–10 event filter patterns (objects); the framework writes each as a JSON string.
    public var filterPatterns: [JSONValue]?
    /// `false` creates the mapping disabled; unset means enabled.
    public var enabled: Bool?

    public static let reportBatchItemFailures = "ReportBatchItemFailures"
    /// What Lambda (and the Serverless Framework) uses when `batchSize` is not set.
    public static let defaultBatchSize = 10

    public init(
        arn: CloudFormationValue,
        batchSize: Int? = nil,
        maximumBatchingWindow: Int? = nil,
        maximumConcurrency: Int? = nil,
        functionResponseType: String? = nil,
        filterPatterns: [JSONValue]? = nil,
        enabled: Bool? = nil
    ) {
        self.arn = arn
        self.batchSize = batchSize
        self.maximumBatchingWindow = maximumBatchingWindow
        self.maximumConcurrency = maximumConcurrency
        self.functionResponseType = functionResponseType
        self.filterPatterns = filterPatterns
        self.enabled = enabled
    }

    private enum CodingKeys: String, CodingKey {
        case arn, batchSize, maximumBatchingWindow, maximumConcurrency, functionResponseType, filterPatterns, enabled
    }

    /// The Serverless Framework also accepts the bare queue ARN as the whole event.
    public init(from decoder: any Decoder) throws {
        if let arn = try? decoder.singleValueContainer().decode(String.self) {
            self.init(arn: .string(arn))
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            arn: try container.decode(CloudFormationValue.self, forKey: .arn),
            batchSize: try container.decodeIfPresent(Int.self, forKey: .batchSize),
            maximumBatchingWindow: try container.decodeIfPresent(Int.self, forKey: .maximumBatchingWindow),
            maximumConcurrency: try container.decodeIfPresent(Int.self, forKey: .maximumConcurrency),
            functionResponseType: try container.decodeIfPresent(String.self, forKey: .functionResponseType),
            filterPatterns: try container.decodeIfPresent([JSONValue].self, forKey: .filterPatterns),
            enabled: try container.decodeIfPresent(Bool.self, forKey: .enabled))
    }
}
