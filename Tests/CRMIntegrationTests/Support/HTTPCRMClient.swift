import CRMSync
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// A `CRMClient` over URLSession, rooted at one API's prefix on the mock (`<mock>/pipedrive`,
/// `<mock>/quo`…): what a worker's client does, without its retries.
struct HTTPCRMClient: CRMClient {
    let baseURL: String

    func send(_ request: CRMRequest) async throws -> CRMResponse {
        var components = URLComponents(string: baseURL + request.path)
        if !request.query.isEmpty { components?.queryItems = request.query.map { URLQueryItem(name: $0.name, value: $0.value) } }
        guard let url = components?.url else { throw URLError(.badURL) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        if let body = request.body {
            urlRequest.httpBody = Data(body)
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.dataOnDedicatedThread(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        let headers = http.allHeaderFields.reduce(into: [String: String]()) { $0["\($1.key)"] = "\($1.value)" }
        return CRMResponse(status: http.statusCode, headers: headers, body: Array(data))
    }
}
