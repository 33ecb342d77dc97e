/// The fixed colours of the charts: series take the categorical palette in order; an event kind
/// takes a colour from its name, so that `throttle` has the same colour in every chart of a page.
enum ChartPalette {
    static let series = [
        "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
        "#edc948", "#9c755f", "#ff9da7", "#e15759", "#bab0ac",
    ]
    /// Darker than the series colours; in this order `error` hashes to red and `throttle` to orange.
    static let events = ["#525252", "#e66101", "#7b3294", "#8c510a", "#c51b7d", "#d62728"]

    static func series(at index: Int) -> String {
        series[index % series.count]
    }

    /// The colours of `kinds` (distinct names): each the palette entry its name hashes to, or the
    /// next one free when another kind of the chart has it already.
    static func eventColours(_ kinds: [String]) -> [String: String] {
        var colours: [String: String] = [:]
        var taken = Set<Int>()
        for kind in kinds {
            var index = Int(stableHash(kind) % UInt64(events.count))
            for _ in events.indices where taken.contains(index) { index = (index + 1) % events.count }
            taken.insert(index)
            colours[kind] = events[index]
        }
        return colours
    }

    /// FNV-1a of the UTF-8 bytes: the same in every process, unlike `Hasher`.
    private static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
