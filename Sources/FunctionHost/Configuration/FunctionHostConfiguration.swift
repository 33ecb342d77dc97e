/// Settings shared by every function the host runs.
public struct FunctionHostConfiguration: Sendable {
    /// Per-function log files are written to `<stateDirectory>/logs/<function>.log`.
    public var stateDirectory: String
    /// Passed to handlers as `AWS_ENDPOINT_URL_SQS`.
    public var sqsEndpointURL: String?
    /// Variables every function gets beneath its own environment (a function's own value wins),
    /// e.g. the URLs of services the runtime runs beside the functions.
    public var sharedEnvironment: [String: String]
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
    /// Receives function log lines as they are written to the log files (whole lines, UTF-8, in
    /// the order each function wrote them), e.g. to echo them on the terminal; `nil` echoes nothing.
    /// Called synchronously under the function's log lock, from the thread that logs.
    public var echoSink: (@Sendable ([UInt8]) -> Void)?
    /// Waits between asynchronous attempts.
    public var asyncRetryTimings: AsyncRetryTimings
    /// Receives every invocation through the Invoke API and every asynchronous attempt, off the
    /// invocation's path.
    public var invocationObserver: (@Sendable (InvocationObservation) async -> Void)?
    /// Sends what Lambda sends to a failure destination or dead-letter queue (the host knows no SQS).
    public var asyncFailureSink: (@Sendable (AsyncFailureMessage) async throws -> Void)?
    /// How long an on-demand environment's init (spawn until the runtime's first
    /// `GET /runtime/invocation/next`) may take: past it the process is stopped and init is
    /// retried inside the first invocation, on the function's timeout. 10 s in Lambda.
    public var initTimeout: Duration
    /// How long a provisioned environment's init may take, or the function's timeout if that is
    /// longer; past it the environment fails. 130 s in Lambda.
    public var provisionedInitTimeout: Duration

    public init(
        stateDirectory: String, sqsEndpointURL: String? = nil, sharedEnvironment: [String: String] = [:], idleReapTime: Duration = .seconds(300),
        unreservedConcurrencyLimit: Int = 1000, pythonExecutable: String = "python3",
        executableSearchPaths: [String] = [], region: String = "us-east-1",
        accountID: String = "000000000000", echoSink: (@Sendable ([UInt8]) -> Void)? = nil,
        initTimeout: Duration = .seconds(10), provisionedInitTimeout: Duration = .seconds(130),
        asyncRetryTimings: AsyncRetryTimings = .aws,
        invocationObserver: (@Sendable (InvocationObservation) async -> Void)? = nil,
        asyncFailureSink: (@Sendable (AsyncFailureMessage) async throws -> Void)? = nil
    ) {
        self.stateDirectory = stateDirectory
        self.sqsEndpointURL = sqsEndpointURL
        self.sharedEnvironment = sharedEnvironment
        self.idleReapTime = idleReapTime
        self.unreservedConcurrencyLimit = unreservedConcurrencyLimit
        self.pythonExecutable = pythonExecutable
        self.executableSearchPaths = executableSearchPaths
        self.region = region
        self.accountID = accountID
        self.echoSink = echoSink
        self.initTimeout = initTimeout
        self.provisionedInitTimeout = provisionedInitTimeout
        self.asyncRetryTimings = asyncRetryTimings
        self.invocationObserver = invocationObserver
        self.asyncFailureSink = asyncFailureSink
    }

    func functionARN(_ name: String) -> String {
        "arn:aws:lambda:\(region):\(accountID):function:\(name)"
    }
}
