import Foundation

/// ISO 8601 dates and times as events and the Process model write them.
public enum ISO8601Timestamp {
    public static func string(from date: Date) -> String {
        date.formatted(withFraction)
    }

    /// Takes fractional seconds or none, `Z` or a numeric offset.
    public static func date(from text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
