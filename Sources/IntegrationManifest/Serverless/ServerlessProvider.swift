/// The `provider` section: defaults every function inherits.
public struct ServerlessProvider: Codable, Equatable, Sendable {
    public var name: String
    public var runtime: String?
    public var region: String?
    public var stage: String?
    /// Seconds; the Serverless Framework's default is 6.
    public var timeout: Int?
    /// MB; the Serverless Framework's default is 1024.
    public var memorySize: Int?
    public var environment: [String: CloudFormationValue]?
    public var iam: ProviderIAM?

    public init(
        name: String = "aws",
        runtime: String? = nil,
        region: String? = nil,
        stage: String? = nil,
        timeout: Int? = nil,
        memorySize: Int? = nil,
        environment: [String: CloudFormationValue]? = nil,
        iam: ProviderIAM? = nil
    ) {
        self.name = name
        self.runtime = runtime
        self.region = region
        self.stage = stage
        self.timeout = timeout
        self.memorySize = memorySize
        self.environment = environment
        self.iam = iam
    }
}
