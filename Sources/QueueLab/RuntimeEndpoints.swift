/// Where a running runtime listens.
public struct RuntimeEndpoints: Sendable {
    /// `http://<host>:<port>` of the SQS endpoint.
    public let sqs: String
    public let lambda: LambdaEndpoint
}
