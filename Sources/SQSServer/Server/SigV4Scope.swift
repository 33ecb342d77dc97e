/// The credential scope of a SigV4 `Authorization` header (signatures are not verified):
/// `AWS4-HMAC-SHA256 Credential=AKID/20261121/us-west-2/sqs/aws4_request, SignedHeaders=…`.
struct SigV4Scope: Equatable {
    let accessKey: String
    let region: String

    /// `nil` unless the header holds a five-part credential with an access key and a region.
    init?(authorization: String) {
        var header = authorization
        guard let scope = header.withUTF8(Self.scope(in:)) else { return nil }
        self = scope
    }

    /// The scope of a query-signed (presigned) request's `X-Amz-Credential`:
    /// `AKID/20261121/us-west-2/sqs/aws4_request`.
    init?(credential: String) {
        var credential = credential
        guard let scope = credential.withUTF8({ Self.scope(ofCredential: $0[...]) }) else { return nil }
        self = scope
    }

    init(accessKey: String, region: String) {
        self.accessKey = accessKey
        self.region = region
    }

    private static let credentialMarker = Array("Credential=".utf8)

    /// A plain byte scan: every request carries the header, and the generic and Foundation
    /// searches each cost several microseconds a request.
    private static func scope(in bytes: UnsafeBufferPointer<UInt8>) -> SigV4Scope? {
        let marker = credentialMarker
        guard bytes.count >= marker.count else { return nil }
        var start = 0
        while start <= bytes.count - marker.count,
              bytes[start] != marker[0] || !bytes[start..<start + marker.count].elementsEqual(marker) {
            start += 1
        }
        guard start <= bytes.count - marker.count else { return nil }
        start += marker.count
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: " ") { end += 1 }
        return scope(ofCredential: bytes[start..<end])
    }

    private static func scope(ofCredential credential: Slice<UnsafeBufferPointer<UInt8>>) -> SigV4Scope? {
        let parts = credential.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 5, !parts[0].isEmpty, !parts[2].isEmpty else { return nil }
        return SigV4Scope(
            accessKey: String(decoding: UnsafeBufferPointer(rebasing: parts[0]), as: UTF8.self),
            region: String(decoding: UnsafeBufferPointer(rebasing: parts[2]), as: UTF8.self))
    }
}
