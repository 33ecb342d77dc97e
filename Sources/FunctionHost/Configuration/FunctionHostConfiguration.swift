/// Settings shared by every function the host runs.
public struct FunctionHostConfiguration: Sendable {
    /// Per-function log files are written to `<stateDirectory>/logs/<function>.log`.
    public var stateDirectory: String
    /// Passed to handlers as `AWS_ENDPOINT_URL_SQS`.
    public var sqsEndpointURL: String?
    /// On-demand environments idle this long are stopped; provisioned ones are kept.
    public var idleReapTime: Duration
    /// Concurrent executions shared by all functions without reserved concurrency.
    public var unreservedConcurrencyLimit: Int
    /// The Python interpreter that runs `python3.*` functions through `awslambdaric`.
    public var pythonExecutable: String
    /// Folders searched for a `provided.*` handler given as a bare name (e.g. the build's products).
    public var executableSearchPaths: [String]
    public var region: String
    public var accountID: String
    /// Echo function logs to standard output as well as to the log files.
    public var echoLogs: Bool

    public init(
        stateDirectory: String, sqsEndpointURL: String? = nil, idleReapTime: Duration = .seconds(300),
        unreservedConcurrencyLimit: Int = 1000, pythonExecutable: String = "python3",
        executableSearchPaths: [String] = [], region: String = "us-east-1",
        accountID: String = "000000000000", echoLogs: Bool = true
    ) {
        self.stateDirectory = stateDirectory
        self.sqsEndpointURL = sqsEndpointURL
        self.idleReapTime = idleReapTime
        self.unreservedConcurrencyLimit = unreservedConcurrencyLimit
        self.pythonExecutable = pythonExecutable
        self.executableSearchPaths = executableSearchPaths
        self.region = region
        self.accountID = accountID
        self.echoLogs = echoLogs
    }

    func functionARN(_ name: String) -> String {
        "arn:aws:lambda:\(region):\(accountID):function:\(name)"
    }
}
