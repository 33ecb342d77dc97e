import Primitives

/// Why `CRMMockClient` could not fire a webhook.
public typealias CRMMockClientError = CodedError<CRMMockClientErrorCode>

/// The codes of `CRMMockClientError`.
public enum CRMMockClientErrorCode: String, ErrorCode {
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

    public static let descriptionNamesCode = false
}
