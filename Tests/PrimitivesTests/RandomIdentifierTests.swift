import Foundation
import Primitives
import Testing

@Suite("Random identifiers")
struct RandomIdentifierTests {
    @Test("UUIDs are lowercase, version 4, RFC 4122 variant, and distinct across pool refills")
    func uuids() {
        // 3000 ids take two words each: several refills of the 512-word pool.
        let identifiers = (0..<3000).map { _ in RandomIdentifier.uuidString() }
        #expect(Set(identifiers).count == identifiers.count)
        for identifier in identifiers {
            #expect(identifier.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(identifier)")
            #expect(UUID(uuidString: identifier) != nil)
        }
    }

    @Test("hex strings have the asked number of lowercase digits and vary")
    func hex() {
        for digits in [1, 8, 16] {
            let values = (0..<200).map { _ in RandomIdentifier.hex(digits: digits) }
            #expect(values.allSatisfy { $0.count == digits && $0.allSatisfy { "0123456789abcdef".contains($0) } })
            #expect(Set(values).count > 1)
        }
        #expect(Set((0..<1000).map { _ in RandomIdentifier.hex(digits: 16) }).count == 1000)
    }
}
