import Foundation

/// Where a webhook is delivered: an `http://` URL's host, port and request target.
struct WebhookTarget: Sendable, Equatable {
    let host: String
    let port: Int
    /// The path and query, as the request line carries them.
    let requestTarget: String

    init?(_ url: String) {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "http",
            let host = components.host, !host.isEmpty
        else { return nil }
        self.host = host
        port = components.port ?? 80
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        requestTarget = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// Refuses a registration whose URL could not be delivered to.
    static func validate(_ url: String) throws(MockAPIError) {
        guard WebhookTarget(url) != nil else { throw .badRequest("The webhook URL must be an http:// URL with a host, not '\(url)'") }
    }
}
