import Foundation

/// A store time (milliseconds since the epoch) as text, to the exact millisecond (going through
/// a `Date`'s floating-point seconds can lose one).
enum StoreTime {
    /// `2026-11-29T21:30:03.412Z`.
    static func iso8601(_ milliseconds: Int64) -> String {
        format(milliseconds, in: TimeZone(identifier: "UTC") ?? .current, separator: "T") + "Z"
    }

    /// `2026-11-29 21:30:03.412` in the local time zone.
    static func local(_ milliseconds: Int64) -> String {
        format(milliseconds, in: .current, separator: " ")
    }

    private static func format(_ milliseconds: Int64, in timeZone: TimeZone, separator: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds.quotient)))
        let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = String(format: "%02d:%02d:%02d.%03d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, Int(seconds.remainder))
        return date + separator + time
    }
}
