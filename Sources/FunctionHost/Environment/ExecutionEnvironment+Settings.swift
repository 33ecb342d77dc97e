import ServerSupport

extension ExecutionEnvironment {
    /// What every environment of one function shares.
    struct Settings: Sendable {
        let function: FunctionConfiguration
        let command: RuntimeCommand
        /// How long its init may take.
        let initLimits: InitPhaseLimits
        let functionARN: String
        let region: String
        let sqsEndpointURL: String?
        /// Beneath the function's own environment.
        let sharedEnvironment: [String: String]
        /// Where the environment's Runtime API listener serves.
        let executor: EventLoopTaskExecutor
    }
}
