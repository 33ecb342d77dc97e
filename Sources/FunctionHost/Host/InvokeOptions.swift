/// Optional context an invoker passes along with the payload.
public struct InvokeOptions: Sendable {
    /// Client context JSON, handed to the runtime as `Lambda-Runtime-Client-Context`.
    public var clientContext: String?
    /// An X-Ray trace header to propagate; one is generated when absent.
    public var traceID: String?
    /// The request id to use; asynchronous retries keep the event's. One is generated when absent.
    public var requestID: String?
    /// How the invocation reached the host, as its observer is told.
    public var invocationType: InvocationObservation.InvocationType
    /// Reports the invocation to the host's observer (event source mappings record their own).
    public var observed: Bool

    public init(
        clientContext: String? = nil, traceID: String? = nil, requestID: String? = nil,
        invocationType: InvocationObservation.InvocationType = .requestResponse, observed: Bool = true
    ) {
        self.clientContext = clientContext
        self.traceID = traceID
        self.requestID = requestID
        self.invocationType = invocationType
        self.observed = observed
    }
}
