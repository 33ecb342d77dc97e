/// Optional context an invoker passes along with the payload.
public struct InvokeOptions: Sendable {
    /// Client context JSON, handed to the runtime as `Lambda-Runtime-Client-Context`.
    public var clientContext: String?
    /// An X-Ray trace header to propagate; one is generated when absent.
    public var traceID: String?

    public init(clientContext: String? = nil, traceID: String? = nil) {
        self.clientContext = clientContext
        self.traceID = traceID
    }
}
