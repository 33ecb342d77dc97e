#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Random identifiers (message ids, request ids, trace ids) from the system's cryptographic
/// generator, read a page at a time: one system call per id was a visible share of a request.
public enum RandomIdentifier {
    /// A version-4 UUID in lowercase, e.g. `5f0c1d2e-8a3b-4c5d-9e6f-708192a3b4c5`.
    public static func uuidString() -> String {
        let (random1, random2) = pool.withLock { ($0.next(), $0.next()) }
        let high = random1 & ~0xF000 | 0x4000  // version 4
        let low = random2 & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC 4122 variant
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for digit in 0..<32 {
                if digit == 8 || digit == 12 || digit == 16 || digit == 20 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = digit < 16 ? high : low
                buffer[index] = hexDigits[Int(truncatingIfNeeded: word >> UInt64(60 - 4 * (digit % 16))) & 0xF]
                index += 1
            }
            return index
        }
    }

    /// `digits` random lowercase hex digits (at most 16).
    public static func hex(digits: Int) -> String {
        precondition(digits <= 16)
        let value = pool.withLock { $0.next() }
        return String(unsafeUninitializedCapacity: digits) { buffer in
            for index in 0..<digits { buffer[index] = hexDigits[Int(truncatingIfNeeded: value >> UInt64(4 * index)) & 0xF] }
            return digits
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    private static let pool = Mutex(RandomPool())
}

/// Words from the system generator, refilled a page at a time.
private struct RandomPool: ~Copyable {
    /// Open for the life of the process; `-1` sends every refill to the fallback.
    private static let urandom = open("/dev/urandom", O_RDONLY | O_CLOEXEC)

    private var words = [UInt64](repeating: 0, count: 512)
    private var cursor = 512

    mutating func next() -> UInt64 {
        if cursor == words.count { refill() }
        defer { cursor += 1 }
        return words[cursor]
    }

    private mutating func refill() {
        let filled = words.withUnsafeMutableBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = read(Self.urandom, bytes.baseAddress! + offset, bytes.count - offset)
                if count <= 0 {
                    guard count < 0, errno == EINTR else { return false }
                    continue
                }
                offset += count
            }
            return true
        }
        if !filled {
            var generator = SystemRandomNumberGenerator()
            for index in words.indices { words[index] = generator.next() }
        }
        cursor = 0
    }
}
