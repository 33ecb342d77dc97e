import NIOCore
import NIOHTTP1
import ServerSupport
import StrictJSON

/// A request to one mock API, its path split after the API's prefix (`/pipedrive/v1/persons/12`
/// becomes `v1`, `persons`, `12`).
struct MockRequest: Sendable {
    let method: HTTPMethod
    let segments: [Substring]
    let query: QueryParameters
    let headers: HTTPHeaders
    let body: ByteBuffer

    init(_ request: HTTPServerRequest, segments: [Substring]) {
        method = request.method
        self.segments = segments
        query = QueryParameters(request.query)
        headers = request.head.headers
        body = request.body
    }

    /// Whether this is `method` on `pattern` (segments separated by `/`, `*` matching any one);
    /// the segments `*` matched, in order, or nil.
    func route(_ method: HTTPMethod, _ pattern: String) -> [String]? {
        let parts = pattern.split(separator: "/")
        guard method == self.method, parts.count == segments.count else { return nil }
        var captured: [String] = []
        for (part, segment) in zip(parts, segments) {
            if part == "*" {
                captured.append(String(segment))
            } else if part != segment {
                return nil
            }
        }
        return captured
    }

    /// The body parsed by the strict parser; an object is required.
    func jsonObject() throws(MockAPIError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(buffer: body))
        } catch {
            throw .badRequest("The body is not valid JSON: \(error)")
        }
        guard case .object(let fields) = value else { throw .badRequest("The body must be a JSON object") }
        return JSONObject(fields: fields, path: "")
    }
}
