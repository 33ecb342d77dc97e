/// The two requests every client repeats: a read of a JSON record and a small JSON write, the
/// shapes of a handler's Runtime API, SQS and CRM calls.
public enum RequestKind: String, CaseIterable, Sendable {
    case get
    case post

    public var method: String {
        switch self {
        case .get: "GET"
        case .post: "POST"
        }
    }

    public var path: String {
        switch self {
        case .get: "/record"
        case .post: "/records"
        }
    }

    /// The header fields every client sends (a CRM client's `Accept`; a POST's content type).
    public var headers: [(name: String, value: String)] {
        switch self {
        case .get: [("Accept", "application/json")]
        case .post: [("Accept", "application/json"), ("Content-Type", "application/json")]
        }
    }

    /// The request's body: none for a GET, `Workload.postBody` for a POST.
    public var body: [UInt8] {
        switch self {
        case .get: []
        case .post: Workload.postBody
        }
    }

    /// The status the server answers with; a client that reads another one fails the run.
    public var expectedStatus: Int {
        switch self {
        case .get: 200
        case .post: 201
        }
    }
}
