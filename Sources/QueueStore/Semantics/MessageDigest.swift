import Crypto
import Foundation

/// The digests SQS returns so clients can verify what it stored.
enum MessageDigest {
    static func md5Hex(_ bytes: some DataProtocol) -> String {
        hex(Insecure.MD5.hash(data: bytes))
    }

    static func sha256Hex(_ string: String) -> String {
        hex(SHA256.hash(data: Data(string.utf8)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, without a formatter per byte (this runs for every message sent).
    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        var characters: [UInt8] = []
        characters.reserveCapacity(64)
        for byte in digest {
            characters.append(hexDigits[Int(byte >> 4)])
            characters.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// AWS's algorithm: for each attribute in name order, the name, the data type and the value,
    /// each as a 4-byte big-endian length followed by its bytes, with a transport byte (1 string,
    /// 2 binary) before the value.
    static func md5OfAttributes(_ attributes: [String: MessageAttributeValue]) -> String? {
        guard !attributes.isEmpty else { return nil }
        var buffer = Data()
        func append(_ bytes: some Collection<UInt8>) {
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { buffer.append(contentsOf: $0) }
            buffer.append(contentsOf: bytes)
        }
        for name in attributes.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let value = attributes[name]!
            append(Array(name.utf8))
            append(Array(value.dataType.utf8))
            if let binary = value.binaryValue, value.isBinary {
                buffer.append(2)
                append(Array(binary))
            } else {
                buffer.append(1)
                append(Array((value.stringValue ?? "").utf8))
            }
        }
        return md5Hex(buffer)
    }
}
