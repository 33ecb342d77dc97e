import Foundation

/// The `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
enum RetryAfter {
    /// The wait the header asks for; a date in the past asks for none, and an unreadable value is `nil`.
    static func delay(from value: String, nowMilliseconds: Int64) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isWholeNumber }), let seconds = Int64(text) {
            return .seconds(seconds)
        }
        guard let date = httpDate(text) else { return nil }
        let milliseconds = date.epochMilliseconds - nowMilliseconds
        return .milliseconds(max(milliseconds, 0))
    }

    /// IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must still read.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
