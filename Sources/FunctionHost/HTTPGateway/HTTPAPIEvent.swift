import Foundation

/// The event an HTTP API sends a function: payload format version 2.0 ("Create AWS Lambda proxy
/// integrations for HTTP APIs", API Gateway developer guide). Header names are lower case and
/// repeated headers are joined with commas, as are repeated query parameters; the `Cookie`
/// header becomes `cookies`, one entry per cookie; parts a request does not have (cookies,
/// query parameters, path parameters, body) are left out, as AWS leaves them out.
struct HTTPAPIEvent: Codable, Equatable {
    struct RequestContext: Codable, Equatable {
        struct HTTP: Codable, Equatable {
            let method: String
            let path: String
            let `protocol`: String
            let sourceIp: String
            let userAgent: String
        }

        let accountId: String
        let apiId: String
        let domainName: String
        let domainPrefix: String
        let http: HTTP
        let requestId: String
        let routeKey: String
        let stage: String
        let time: String
        let timeEpoch: Int64
    }

    let version: String
    let routeKey: String
    let rawPath: String
    let rawQueryString: String
    let cookies: [String]?
    let headers: [String: String]
    let queryStringParameters: [String: String]?
    let requestContext: RequestContext
    let body: String?
    let pathParameters: [String: String]?
    let isBase64Encoded: Bool

    /// The stage every HTTP API route is served from here.
    static let stage = "$default"

    init(request: GatewayRequest, match: HTTPRouteTable.Match, apiID: String, accountID: String) {
        var headers: [String: String] = [:]
        var cookies: [String] = []
        for (name, value) in request.headers + request.forwardingHeaders {
            let name = name.lowercased()
            guard name != "cookie" else {
                cookies += value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                continue
            }
            headers[name] = headers[name].map { $0 + "," + value } ?? value
        }
        if headers["content-length"] == nil { headers["content-length"] = String(request.body.count) }
        let query = QueryString(request.rawQueryString).grouped.mapValues { $0.joined(separator: ",") }
        let body = RequestBody(bytes: request.body, contentType: headers["content-type"])
        version = "2.0"
        routeKey = match.route.routeKey
        rawPath = request.rawPath
        rawQueryString = request.rawQueryString
        self.cookies = cookies.isEmpty ? nil : cookies
        self.headers = headers
        queryStringParameters = query.isEmpty ? nil : query
        requestContext = RequestContext(
            accountId: accountID, apiId: apiID, domainName: request.domainName, domainPrefix: request.domainPrefix,
            http: RequestContext.HTTP(
                method: request.method, path: request.rawPath, protocol: request.httpVersion, sourceIp: request.sourceIP,
                userAgent: headers["user-agent"] ?? ""),
            requestId: request.requestID, routeKey: match.route.routeKey, stage: Self.stage, time: request.commonLogTime,
            timeEpoch: request.epochMilliseconds)
        self.body = body.text
        pathParameters = match.pathParameters.isEmpty ? nil : match.pathParameters
        isBase64Encoded = body.isBase64Encoded
    }
}
