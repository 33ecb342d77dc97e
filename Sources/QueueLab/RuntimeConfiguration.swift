/// Everything `queuelab start` needs to know to run.
public struct RuntimeConfiguration: Sendable {
    public var statePath: String
    public var host: String
    public var sqsPort: Int
    public var accountId: String
    public var region: String

    public init(
        statePath: String = ".queuelab/state.sqlite", host: String = "127.0.0.1", sqsPort: Int = 9324,
        accountId: String = "000000000000", region: String = "us-east-1"
    ) {
        self.statePath = statePath
        self.host = host
        self.sqsPort = sqsPort
        self.accountId = accountId
        self.region = region
    }
}
