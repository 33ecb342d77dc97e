import Foundation
import NIOHTTP1
import ServerSupport
import StrictJSON

/// A function's answer to a proxy integration, `{statusCode, headers, multiValueHeaders,
/// cookies, body, isBase64Encoded}`, turned into the HTTP response. A value of the wrong type is
/// no response at all: the API answers with its integration error.
///
/// `headers` and `multiValueHeaders` are merged as API Gateway merges them: a name in both
/// takes the values of `multiValueHeaders` only. `cookies` (format 2.0) each become a
/// `Set-Cookie` header. A body with `isBase64Encoded` is decoded. Framing headers
/// (`Content-Length`, `Transfer-Encoding`, `Connection`) are the gateway's own and are not taken.
struct ProxyResponse {
    let response: HTTPServerResponse

    private static let framingHeaders: Set<String> = ["content-length", "transfer-encoding", "connection"]

    /// - Parameters:
    ///   - takesCookies: whether `cookies` is part of the format (2.0).
    ///   - defaultContentType: the `Content-Type` when the function sets none.
    init?(_ members: [String: JSONValue], takesCookies: Bool, defaultContentType: String) {
        guard let status = Self.statusCode(members["statusCode"]) else { return nil }
        var headers = HTTPHeaders()
        let multiValue: [String: [String]]
        switch members["multiValueHeaders"] {
        case nil, .null?: multiValue = [:]
        case .object(let fields)?:
            var values: [String: [String]] = [:]
            for (name, value) in fields {
                guard case .array(let items) = value else { return nil }
                let texts = items.compactMap(Self.text)
                guard texts.count == items.count else { return nil }
                values[name] = texts
            }
            multiValue = values
        default: return nil
        }
        let multiValueNames = Set(multiValue.keys.map { $0.lowercased() })
        switch members["headers"] {
        case nil, .null?: break
        case .object(let fields)?:
            for name in fields.keys.sorted() where !multiValueNames.contains(name.lowercased()) {
                guard let field = fields[name], let value = Self.text(field) else { return nil }
                headers.add(name: name, value: value)
            }
        default: return nil
        }
        for name in multiValue.keys.sorted() {
            for value in multiValue[name] ?? [] { headers.add(name: name, value: value) }
        }
        if takesCookies {
            switch members["cookies"] {
            case nil, .null?: break
            case .array(let cookies)?:
                for cookie in cookies {
                    guard case .string(let value) = cookie else { return nil }
                    headers.add(name: "Set-Cookie", value: value)
                }
            default: return nil
            }
        }
        for name in Self.framingHeaders { headers.remove(name: name) }
        if !headers.contains(name: "content-type") { headers.add(name: "Content-Type", value: defaultContentType) }
        let isBase64Encoded: Bool
        switch members["isBase64Encoded"] {
        case nil, .null?: isBase64Encoded = false
        case .bool(let flag)?: isBase64Encoded = flag
        default: return nil
        }
        let body: [UInt8]
        switch members["body"] {
        case nil, .null?: body = []
        case .string(let text)? where isBase64Encoded:
            guard let decoded = Data(base64Encoded: text) else { return nil }
            body = Array(decoded)
        case .string(let text)?: body = Array(text.utf8)
        default: return nil
        }
        response = HTTPServerResponse(status: HTTPResponseStatus(statusCode: status), headers: headers, bytes: body)
    }

    /// A status code is a whole number from 100 to 599.
    private static func statusCode(_ value: JSONValue?) -> Int? {
        let code: Int? = switch value {
        case .integer(let number)?: number
        case .number(let number)?: Int(exactly: number)
        default: nil
        }
        guard let code, (100...599).contains(code) else { return nil }
        return code
    }

    /// A header value: a string, or a number or boolean as text.
    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        default: nil
        }
    }
}
