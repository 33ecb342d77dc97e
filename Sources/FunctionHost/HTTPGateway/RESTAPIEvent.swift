import Foundation

/// The event a REST API's Lambda proxy integration sends a function: payload format version 1.0
/// ("Input format of a Lambda function for proxy integration", API Gateway developer guide).
/// Header names keep their case; `headers` and `queryStringParameters` hold the last value of a
/// repeated name, `multiValueHeaders` and `multiValueQueryStringParameters` all of them. Parts a
/// request does not have are `null`, as AWS sends them. Without binary media types configured a
/// REST API passes the body as text.
struct RESTAPIEvent: Codable, Equatable {
    struct RequestContext: Codable, Equatable {
        struct Identity: Codable, Equatable {
            let sourceIp: String
            let userAgent: String?
        }

        let accountId: String
        let apiId: String
        let domainName: String
        let domainPrefix: String
        let extendedRequestId: String
        let httpMethod: String
        let identity: Identity
        /// The path with the stage, as the client called it.
        let path: String
        let `protocol`: String
        let requestId: String
        let requestTime: String
        let requestTimeEpoch: Int64
        let resourceId: String
        let resourcePath: String
        let stage: String
    }

    let resource: String
    /// The path without the stage.
    let path: String
    let httpMethod: String
    let headers: [String: String]
    let multiValueHeaders: [String: [String]]
    let queryStringParameters: [String: String]?
    let multiValueQueryStringParameters: [String: [String]]?
    let pathParameters: [String: String]?
    let stageVariables: [String: String]?
    let requestContext: RequestContext
    let body: String?
    let isBase64Encoded: Bool

    init(request: GatewayRequest, match: HTTPRouteTable.Match, stage: String, apiID: String, accountID: String, requestID: String) {
        var headers: [String: String] = [:]
        var multiValueHeaders: [String: [String]] = [:]
        for (name, value) in request.headers + request.forwardingHeaders {
            headers[name] = value
            multiValueHeaders[name, default: []].append(value)
        }
        let query = QueryString(request.rawQueryString)
        let resource = match.route.path?.description ?? "/"
        let stagePrefix = "/" + stage
        let path = request.rawPath.hasPrefix(stagePrefix + "/") ? String(request.rawPath.dropFirst(stagePrefix.count)) : "/"
        self.resource = resource
        self.path = path
        httpMethod = request.method
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        queryStringParameters = query.parameters.isEmpty
            ? nil : Dictionary(query.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        multiValueQueryStringParameters = query.parameters.isEmpty ? nil : query.grouped
        pathParameters = match.pathParameters.isEmpty ? nil : match.pathParameters
        stageVariables = nil
        requestContext = RequestContext(
            accountId: accountID, apiId: apiID, domainName: request.domainName, domainPrefix: request.domainPrefix,
            extendedRequestId: request.requestID, httpMethod: request.method,
            identity: RequestContext.Identity(sourceIp: request.sourceIP, userAgent: request.values(of: "user-agent").last),
            path: request.rawPath, protocol: request.httpVersion, requestId: requestID, requestTime: request.commonLogTime,
            requestTimeEpoch: request.epochMilliseconds, resourceId: Self.resourceID(resource), resourcePath: resource, stage: stage)
        body = request.body.isEmpty ? nil : String(decoding: request.body, as: UTF8.self)
        isBase64Encoded = false
    }

    /// A stable six-character id per resource path, as REST API resources have.
    private static func resourceID(_ resource: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in resource.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String((0..<6).map { index in alphabet[Int((hash >> UInt64(index * 10)) % UInt64(alphabet.count))] })
    }

    private enum CodingKeys: String, CodingKey {
        case resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters
        case pathParameters, stageVariables, requestContext, body, isBase64Encoded
    }

    /// Every key, `null` when a part is absent.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resource, forKey: .resource)
        try container.encode(path, forKey: .path)
        try container.encode(httpMethod, forKey: .httpMethod)
        try container.encode(headers, forKey: .headers)
        try container.encode(multiValueHeaders, forKey: .multiValueHeaders)
        try container.encode(queryStringParameters, forKey: .queryStringParameters)
        try container.encode(multiValueQueryStringParameters, forKey: .multiValueQueryStringParameters)
        try container.encode(pathParameters, forKey: .pathParameters)
        try container.encode(stageVariables, forKey: .stageVariables)
        try container.encode(requestContext, forKey: .requestContext)
        try container.encode(body, forKey: .body)
        try container.encode(isBase64Encoded, forKey: .isBase64Encoded)
    }
}
