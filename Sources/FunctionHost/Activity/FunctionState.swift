/// One function of a running host as a monitor sees it: its configuration, its concurrency now and
/// its activity so far.
public struct FunctionState: Sendable {
    public let configuration: FunctionConfiguration
    public let concurrentExecutions: Int
    /// Provisioned environments alive (a crashed one is replaced).
    public let provisionedEnvironments: Int
    public let activity: FunctionActivity
}
