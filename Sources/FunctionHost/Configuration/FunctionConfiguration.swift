/// One function as the manifest declares it.
public struct FunctionConfiguration: Sendable, Equatable {
    public var name: String
    /// `provided.al2023`, `provided.al2`, `python3.12`, …
    public var runtime: String
    /// For `provided.*`: the executable (a path, or a bare product name looked up in the code
    /// directory and the host's executable search paths). For `python3.*`: `module.function`.
    public var handler: String
    /// Working directory and `LAMBDA_TASK_ROOT` of the function's processes.
    public var codeDirectory: String
    /// Megabytes, 128–10240 as in Lambda.
    public var memorySize: Int
    /// Seconds, 1–900 as in Lambda.
    public var timeout: Double
    /// Caps concurrent executions; `nil` draws from the account's unreserved pool.
    public var reservedConcurrency: Int?
    /// Environments started and initialised before the host reports ready.
    public var provisionedConcurrency: Int
    public var environment: [String: String]
    /// Retries and failure destinations of asynchronous invocations.
    public var asyncInvoke: AsyncInvokeConfiguration

    public init(
        name: String, runtime: String, handler: String, codeDirectory: String,
        memorySize: Int = 128, timeout: Double = 3, reservedConcurrency: Int? = nil,
        provisionedConcurrency: Int = 0, environment: [String: String] = [:],
        asyncInvoke: AsyncInvokeConfiguration = AsyncInvokeConfiguration()
    ) {
        self.name = name
        self.runtime = runtime
        self.handler = handler
        self.codeDirectory = codeDirectory
        self.memorySize = memorySize
        self.timeout = timeout
        self.reservedConcurrency = reservedConcurrency
        self.provisionedConcurrency = provisionedConcurrency
        self.environment = environment
        self.asyncInvoke = asyncInvoke
    }
}
