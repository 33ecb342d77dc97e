/// One request for a function, as the Runtime API hands it to a runtime.
struct Invocation: Sendable {
    let requestID: String
    let payload: [UInt8]
    let functionARN: String
    let traceID: String
    let clientContext: String?
    let cognitoIdentity: String?
    /// Set when the invocation reaches its environment: the function's timeout starts then.
    var deadlineMilliseconds: Int64 = 0
}
