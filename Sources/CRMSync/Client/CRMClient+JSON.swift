import Foundation

extension CRMClient {
    /// Sends `request` and decodes its 2xx JSON answer.
    public func json<Response: Decodable>(_ request: CRMRequest, as type: Response.Type = Response.self) async throws -> Response {
        try decode(try await succeeding(request), of: request)
    }

    /// Sends `request` and decodes its 2xx JSON answer; nil for `204 No Content`, which is how
    /// Zoho CRM answers a list with nothing in it.
    public func jsonUnlessNoContent<Response: Decodable>(_ request: CRMRequest, as type: Response.Type = Response.self) async throws
        -> Response?
    {
        let response = try await succeeding(request)
        return response.status == 204 ? nil : try decode(response, of: request)
    }

    private func decode<Response: Decodable>(_ response: CRMResponse, of request: CRMRequest) throws -> Response {
        do {
            return try JSONDecoder().decode(Response.self, from: Data(response.body))
        } catch {
            throw CRMRequestError(
                .invalidResponse, status: response.status,
                message: "\(request.method.rawValue) \(request.path) answered JSON that is not a \(Response.self): \(error)")
        }
    }

    /// Sends `request` for its effect.
    public func perform(_ request: CRMRequest) async throws {
        _ = try await succeeding(request)
    }

    /// The 2xx answer to `request`; any other status is `CRMRequestError.rejected`.
    private func succeeding(_ request: CRMRequest) async throws -> CRMResponse {
        let response = try await send(request)
        guard response.isSuccess else {
            let body = String(decoding: response.body.prefix(500), as: UTF8.self)
            throw CRMRequestError(
                .rejected, status: response.status, message: "\(request.method.rawValue) \(request.path) answered \(response.status): \(body)")
        }
        return response
    }
}

extension CRMRequest {
    /// A request whose body is `body` as JSON.
    public static func json<Body: Encodable>(_ method: Method, _ path: String, body: Body, query: [QueryItem] = []) -> CRMRequest {
        // Request bodies are plain Codable structs of strings, numbers and dates, which always encode.
        let bytes = Array(try! SyncEventCoding.encoder().encode(body))
        return CRMRequest(method, path, query: query, headers: [Header("Content-Type", "application/json")], body: bytes)
    }
}
