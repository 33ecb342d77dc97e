import Foundation
import NIOCore
import NIOHTTP1
import ServerSupport
import StrictJSON

/// A mock API's answer before latency: the HTTP response and how many persons it carries (for
/// `perRecordLatency`).
struct MockResponse: Sendable {
    var response: HTTPServerResponse
    var personsReturned: Int

    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok, persons: Int = 0) -> MockResponse {
        encoding(value, status: status, persons: persons)
    }

    /// A Codable value (the mock's own records) as the JSON answer.
    static func encoding(_ value: some Encodable, status: HTTPResponseStatus = .ok, persons: Int = 0) -> MockResponse {
        let headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        return MockResponse(response: HTTPServerResponse(status: status, headers: headers, bytes: encode(value)), personsReturned: persons)
    }

    static let noContent = MockResponse(response: HTTPServerResponse(status: .noContent), personsReturned: 0)

    /// `value` as compact JSON with sorted keys, so every run writes the same bytes.
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // What the mock encodes holds nothing JSONEncoder refuses (no non-finite numbers).
        return (try? encoder.encode(value)).map(Array.init) ?? Array("null".utf8)
    }
}
