import Foundation

/// A request body as an HTTP API hands it to a function: as text for text media types, else
/// base64-encoded with `isBase64Encoded`. AWS documents the flag but not the split; the one here
/// is what HTTP APIs have been observed to do: text for `text/*`, `application/json`,
/// `application/xml` and `application/javascript` (and a body that is not UTF-8 is base64
/// whatever its type); base64 for everything else, `application/x-www-form-urlencoded`,
/// `multipart/form-data` and a request without `Content-Type` included.
struct RequestBody: Equatable {
    /// `nil` when the request has no body.
    let text: String?
    let isBase64Encoded: Bool

    private static let textTypes: Set<String> = ["application/json", "application/xml", "application/javascript"]

    init(bytes: [UInt8], contentType: String?) {
        let mediaType = contentType.map { $0.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased() }
        let textual = mediaType.map { $0.hasPrefix("text/") || Self.textTypes.contains($0) } ?? false
        if textual, let text = String(validating: bytes, as: UTF8.self) {
            self.text = bytes.isEmpty ? nil : text
            isBase64Encoded = false
        } else {
            text = bytes.isEmpty ? nil : Data(bytes).base64EncodedString()
            isBase64Encoded = true
        }
    }
}
