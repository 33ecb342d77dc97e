/// Where a queue's messages go after `maxReceiveCount` receives.
public struct RedrivePolicy: Codable, Equatable, Sendable {
    /// Usually `{"Fn::GetAtt": [<DLQ>, "Arn"]}`.
    public var deadLetterTargetArn: CloudFormationValue
    public var maxReceiveCount: Int

    public init(deadLetterTargetArn: CloudFormationValue, maxReceiveCount: Int) {
        self.deadLetterTargetArn = deadLetterTargetArn
        self.maxReceiveCount = maxReceiveCount
    }
}
