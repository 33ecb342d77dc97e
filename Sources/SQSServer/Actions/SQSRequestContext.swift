/// What an action needs to know about the request beyond its parameters.
struct SQSRequestContext: Sendable {
    /// Region from the SigV4 credential scope (the Authorization header's, or a presigned request's
    /// `X-Amz-Credential`), else the server's default.
    var region: String
    /// The caller as SQS reports it in `SenderId`: the access key id, else the account.
    var senderId: String
    /// `http://host:port` as the client addressed the server, for queue URLs.
    var baseURL: String
    /// The request path, which names the queue in Query requests that omit `QueueUrl`.
    var path: String
    /// The `X-Amzn-Trace-Id` header: the X-Ray trace of every message a send carries, unless the
    /// message's `AWSTraceHeader` system attribute gives its own.
    var traceHeader: String? = nil

    /// Whether a request path is a queue's URL path (`/account/name`) rather than the service's root.
    static func namesQueue(_ path: some StringProtocol) -> Bool {
        path.split(separator: "/").count >= 2
    }
}
