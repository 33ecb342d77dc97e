import Foundation

/// Version-4 UUID strings straight from the system generator. Foundation's `UUID()` costs about
/// three times as much here, and one is made for every message sent and every request answered.
public enum RandomIdentifier {
    public static func uuidString() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() & ~0xF000 | 0x4000  // version 4
        let low = generator.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC 4122 variant
        let bytes = withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { $0.load(as: uuid_t.self) }
        return UUID(uuid: bytes).uuidString.lowercased()
    }
}
