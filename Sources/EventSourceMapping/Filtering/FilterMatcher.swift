import StrictJSON

/// One entry of a field's match list. AWS compares strings "character-by-character without
/// case-folding or any other string normalization", so strings are compared as UTF-8 here: Swift's
/// `==` would treat canonically equivalent strings as equal.
enum FilterMatcher: Sendable, Equatable {
    case equals(String)
    /// A number, `true`, `false` or `null`. AWS compares numbers by their JSON text (300, 300.0 and
    /// 3.0e2 differ). StrictJSON keeps integers apart from numbers with a fraction or exponent, so
    /// 300 ≠ 300.0 here too, but 300.0 and 3.0e2 read as the same `Double` and match each other.
    case equalsLiteral(JSONValue)
    /// The expected text lowercased at parse time.
    case equalsIgnoringCase(String)
    /// With `ignoringCase`, the prefix is lowercased at parse time.
    case prefix(String, ignoringCase: Bool)
    case suffix(String, ignoringCase: Bool)
    case anythingBut(Exclusion)
    case numeric(NumericRange)
    /// `exists: false` is the only matcher an absent field satisfies.
    case exists(Bool)

    /// What `anything-but` excludes. A value of another kind is never excluded: a string exclusion
    /// lets every number through, and `prefix` or `suffix` every non-string.
    enum Exclusion: Sendable, Equatable {
        case strings([String])
        /// Compared as numbers, so 100 and 100.0 are both excluded by 100.
        case numbers([Double])
        case prefix(String)
        case suffix(String)
    }

    /// Whether the field's leaf values (empty when it is absent) satisfy this matcher: some leaf
    /// must, except for `exists`, which asks whether there is one.
    func matches(_ leaves: [JSONValue]) -> Bool {
        if case .exists(let mustExist) = self { return leaves.isEmpty != mustExist }
        return leaves.contains { matches(leaf: $0) }
    }

    /// A JSON number as a `Double`, for numeric comparison; nil for any other value.
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }

    private func matches(leaf: JSONValue) -> Bool {
        switch (self, leaf) {
        case (.equals(let expected), .string(let text)):
            return text.isIdentical(to: expected)
        case (.equalsLiteral(let expected), _):
            return leaf == expected
        case (.equalsIgnoringCase(let expected), .string(let text)):
            return text.lowercased().isIdentical(to: expected)
        case (.prefix(let prefix, let ignoringCase), .string(let text)):
            return (ignoringCase ? text.lowercased() : text).hasIdenticalPrefix(prefix)
        case (.suffix(let suffix, let ignoringCase), .string(let text)):
            return (ignoringCase ? text.lowercased() : text).hasIdenticalSuffix(suffix)
        case (.anythingBut(let exclusion), _):
            return !exclusion.excludes(leaf)
        case (.numeric(let range), _):
            return Self.number(leaf).map(range.contains) ?? false
        default:
            // String operators on a non-string; `exists` is answered before leaves are looked at.
            return false
        }
    }
}

extension FilterMatcher.Exclusion {
    func excludes(_ leaf: JSONValue) -> Bool {
        switch (self, leaf) {
        case (.strings(let excluded), .string(let text)):
            return excluded.contains { text.isIdentical(to: $0) }
        case (.numbers(let excluded), _):
            return FilterMatcher.number(leaf).map(excluded.contains) ?? false
        case (.prefix(let prefix), .string(let text)):
            return text.hasIdenticalPrefix(prefix)
        case (.suffix(let suffix), .string(let text)):
            return text.hasIdenticalSuffix(suffix)
        default:
            return false
        }
    }
}

/// Code-unit comparisons, without the Unicode normalization that `String`'s own use.
extension String {
    fileprivate func isIdentical(to other: String) -> Bool { utf8.elementsEqual(other.utf8) }

    fileprivate func hasIdenticalPrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    fileprivate func hasIdenticalSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}
