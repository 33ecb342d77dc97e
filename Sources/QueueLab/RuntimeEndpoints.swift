/// Where a running runtime listens.
public struct RuntimeEndpoints: Sendable {
    /// `http://<host>:<port>` of the SQS endpoint.
    public let sqs: String
    public let lambda: LambdaEndpoint
    /// `http://<host>:<port>/metrics`, when the runtime serves Prometheus metrics.
    public let metrics: String?
    /// The HTTP API's routes, when the manifest has `httpApi` or `http` events.
    public let http: HTTPAPIEndpoint?
    /// The mock CRMs and Quo, when `RuntimeConfiguration.crmMock` asks for them.
    public let crmMock: CRMMockEndpoint?
}
