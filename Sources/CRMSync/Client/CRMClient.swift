/// Sends HTTP requests to a CRM's API. The worker's client talks to the CRM (or QueueLab's mock
/// CRM) over HTTP; tests may answer in memory. Implementations return every response, whatever
/// its status: deciding what a status means is the caller's (`CRMClient.json`, `RetryingCRMClient`).
public protocol CRMClient: Sendable {
    func send(_ request: CRMRequest) async throws -> CRMResponse
}

/// One HTTP request to a CRM API; `path` is relative to the CRM's base URL.
public struct CRMRequest: Sendable, Equatable {
    public enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
    }

    public var method: Method
    public var path: String
    /// Query parameters in order, not yet percent-encoded.
    public var query: [QueryItem]
    public var headers: [Header]
    /// A JSON body, or none.
    public var body: [UInt8]?

    public init(_ method: Method, _ path: String, query: [QueryItem] = [], headers: [Header] = [], body: [UInt8]? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The value of query parameter `name`, if the request has it.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// A CRM's answer.
public struct CRMResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in lowercase.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
