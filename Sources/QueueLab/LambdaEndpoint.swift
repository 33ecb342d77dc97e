import FunctionHost

/// What the runtime reports once the Lambda Invoke API listens and provisioned environments are warm.
public struct LambdaEndpoint: Sendable {
    /// `http://<host>:<port>` of the Invoke API (the bound port when 0 was asked for).
    public let url: String
    /// The functions it runs, sorted by name; empty without a manifest.
    public let functions: [FunctionConfiguration]
}
