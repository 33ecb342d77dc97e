import NIOHTTP1
import ServerSupport
import StrictJSON

/// Sends each request to the API its first path segment names (`/pipedrive/...`, `/quo/...`).
struct CRMMockResponder: Sendable {
    /// Room for a bulk upsert of 1,000 contacts.
    static let maximumBodySize = 8 * 1024 * 1024

    let crms: MockCRMs
    let quo: QuoAPI

    func respond(to request: HTTPServerRequest) async -> HTTPServerResponse {
        let segments = request.path.split(separator: "/")
        let rest = Array(segments.dropFirst())
        let mockRequest = MockRequest(request, segments: rest)
        if segments.first == "quo" {
            guard !request.bodyTooLarge else { return MockResponse.json(QuoAPI.errorBody(for: .bodyTooLarge), status: .payloadTooLarge).response }
            return await quo.respond(to: mockRequest)
        }
        guard let prefix = segments.first, let crm = CRM(rawValue: String(prefix)) else {
            let known = (CRM.allCases.map(\.rawValue) + ["quo"]).map { "/\($0)" }.joined(separator: ", ")
            let body: JSONValue = ["error": .string("No mock API at \(request.path); the prefixes are \(known)")]
            return MockResponse.json(body, status: .notFound).response
        }
        if rest.first == "_mock" { return await crms[crm].respondMockOnly(to: mockRequest) }
        return await crms[crm].respond(to: mockRequest, bodyTooLarge: request.bodyTooLarge)
    }
}
