/// What a manifest is resolved for: the account and region the SQS endpoint builds ARNs with,
/// the stage, and the environment `${env:…}` reads.
struct ManifestTarget: Sendable {
    let accountId: String
    let region: String
    /// The stage asked for at start (`${opt:stage}`); `nil` falls back to `provider.stage`, then `dev`.
    let stage: String?
    let environment: [String: String]

    /// The partition and domain every local ARN and URL assumes, as in the commercial AWS regions.
    static let partition = "aws"
    static let urlSuffix = "amazonaws.com"

    func queueARN(name: String) -> String {
        "arn:\(Self.partition):sqs:\(region):\(accountId):\(name)"
    }

    func functionARN(name: String) -> String {
        "arn:\(Self.partition):lambda:\(region):\(accountId):function:\(name)"
    }
}
