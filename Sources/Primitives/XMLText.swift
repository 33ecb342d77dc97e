/// Text as XML character data or an attribute value, for the Query protocol's answers and the
/// report pages (which are well-formed XML as well as HTML).
public enum XMLText {
    /// `text` with the five special characters as entities, a carriage return as `&#xD;` (a parser
    /// would otherwise read it as a newline), and the characters XML 1.0 forbids (C0 controls
    /// other than tab and newline, U+FFFE and U+FFFF) as U+FFFD.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\r": escaped += "&#xD;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
