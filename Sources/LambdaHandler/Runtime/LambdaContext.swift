import Glibc

/// What the Runtime API tells a handler about the invocation it is serving.
public struct LambdaContext: Sendable {
    public let requestID: String
    /// Milliseconds since the Unix epoch at which the host stops the invocation.
    public let deadlineMilliseconds: Int64
    public let invokedFunctionARN: String
    public let traceID: String?
    public let clientContext: String?
    public let cognitoIdentity: String?
    public let functionName: String
    public let memoryLimitMB: Int

    /// Time left before the deadline, in milliseconds.
    public var remainingMilliseconds: Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return deadlineMilliseconds - (Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000)
    }

    /// Writes one line to the function's log, tagged with the request id as Lambda's runtimes do.
    public func log(_ message: String) {
        print("\(requestID)\t\(message)")
    }
}
