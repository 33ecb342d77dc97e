/// Why `CRMMockClient` could not fire a webhook.
public struct CRMMockClientError: Error, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The mock's URL is not `http://host[:port]`.
        case invalidURL
        /// No CRM has that integration name.
        case unknownIntegration
        /// Nothing listens at the URL.
        case notListening
        /// The mock answered with an error (an unknown person: 404).
        case refused
        /// The connection failed, or the answer was not the route's.
        case badAnswer
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
