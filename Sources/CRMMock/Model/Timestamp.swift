import Foundation

/// A point in time in whole milliseconds since the Unix epoch, as the mock keeps modification
/// times, written and read in each CRM's own style (always UTC on output).
/// Codable as its ISO 8601 text with milliseconds.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    public static func now() -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    enum Style {
        /// `2025-06-01T12:00:00Z` (AxisCare).
        case iso8601
        /// `2025-06-01T12:00:00.000Z` (Attio, ScalingTest, Quo).
        case iso8601Milliseconds
        /// `2025-06-01 12:00:00` in UTC (Pipedrive).
        case spaceSeparated
        /// `2025-06-01T12:00:00+00:00` (Zoho CRM).
        case utcOffset
    }

    func formatted(_ style: Style) -> String {
        let milliseconds = Int(millisecondsSinceEpoch.modulo(1000))
        let seconds = (millisecondsSinceEpoch - Int64(milliseconds)) / 1000
        let secondOfDay = Int(seconds.modulo(86_400))
        let (year, month, day) = Self.civil(fromDays: (seconds - Int64(secondOfDay)) / 86_400)
        let date = "\(CRM.zeroPadded(year, width: 4))-\(CRM.zeroPadded(month, width: 2))-\(CRM.zeroPadded(day, width: 2))"
        let time = [secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60].map { CRM.zeroPadded($0, width: 2) }.joined(separator: ":")
        switch style {
        case .iso8601: return "\(date)T\(time)Z"
        case .iso8601Milliseconds: return "\(date)T\(time).\(CRM.zeroPadded(milliseconds, width: 3))Z"
        case .spaceSeparated: return "\(date) \(time)"
        case .utcOffset: return "\(date)T\(time)+00:00"
        }
    }

    public var description: String { formatted(.iso8601Milliseconds) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Timestamp(parsing: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads `YYYY-MM-DD` followed by `T` or a space and `HH:MM:SS`, an optional fraction, and an
    /// optional `Z` or `±HH:MM` offset (none means UTC): every style above, and what clients send.
    public init?(parsing text: some StringProtocol) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var milliseconds = 0
        if scanner.skip(".") {
            guard let fraction = scanner.fractionInMilliseconds() else { return nil }
            milliseconds = fraction
        }
        var offsetSeconds = 0
        if !scanner.skip("Z"), let sign = scanner.sign() {
            guard let hours = scanner.number(digits: 2) else { return nil }
            _ = scanner.skip(":")  // `+0000` and `+00:00` both occur
            guard let minutes = scanner.number(digits: 2) else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        millisecondsSinceEpoch = seconds * 1000 + Int64(milliseconds)
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day since the epoch.
    private static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// Howard Hinnant's `days_from_civil`, the inverse of `civil(fromDays:)`.
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let year = Int64(month <= 2 ? year - 1 : year)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads fixed-width decimal fields and separators from ASCII bytes.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func number(digits: Int) -> Int? {
        guard offset + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[offset..<offset + digits] {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        offset += digits
        return value
    }

    /// Consumes `character` if it comes next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: character) else { return false }
        offset += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    /// One or more fraction digits, as whole milliseconds (digits past the third are dropped).
    mutating func fractionInMilliseconds() -> Int? {
        var milliseconds = 0
        var count = 0
        while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") {
            if count < 3 { milliseconds = milliseconds * 10 + Int(bytes[offset] - UInt8(ascii: "0")) }
            count += 1
            offset += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { milliseconds *= 10 }
        return milliseconds
    }
}

extension Int64 {
    /// The remainder that is never negative, for times before the epoch.
    fileprivate func modulo(_ divisor: Int64) -> Int64 {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
