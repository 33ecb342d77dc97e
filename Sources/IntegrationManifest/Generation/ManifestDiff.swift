/// A line diff between the manifest on disk and the one the definitions produce, summarised for
/// `--check`: which lines would go (`-`) and which would come (`+`), with line numbers.
struct ManifestDiff {
    let current: [Substring]
    let expected: [Substring]

    /// Long diffs are cut here; the count of the rest is still shown.
    static let shownLineLimit = 40

    init(current: String, expected: String) {
        self.current = current.split(separator: "\n", omittingEmptySubsequences: false)
        self.expected = expected.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `-` and `+` lines in file order; empty when the texts are equal.
    var changes: [String] {
        let common = longestCommonSubsequenceLengths()
        var changes: [String] = []
        var currentIndex = 0
        var expectedIndex = 0
        while currentIndex < current.count || expectedIndex < expected.count {
            if currentIndex < current.count, expectedIndex < expected.count, current[currentIndex] == expected[expectedIndex] {
                currentIndex += 1
                expectedIndex += 1
            } else if expectedIndex == expected.count
                || (currentIndex < current.count && common[currentIndex + 1][expectedIndex] >= common[currentIndex][expectedIndex + 1])
            {
                changes.append("- \(currentIndex + 1): \(current[currentIndex])")
                currentIndex += 1
            } else {
                changes.append("+ \(expectedIndex + 1): \(expected[expectedIndex])")
                expectedIndex += 1
            }
        }
        return changes
    }

    func summary(file: String) -> String {
        let changes = changes
        var lines = ["\(file) is not what the definitions produce (\(changes.count) changed lines; - current, + expected):"]
        lines += changes.prefix(Self.shownLineLimit)
        if changes.count > Self.shownLineLimit {
            lines.append("… and \(changes.count - Self.shownLineLimit) more")
        }
        return lines.joined(separator: "\n")
    }

    /// `table[i][j]`: length of the longest common subsequence of `current[i...]` and `expected[j...]`.
    private func longestCommonSubsequenceLengths() -> [[Int]] {
        var table = Array(repeating: Array(repeating: 0, count: expected.count + 1), count: current.count + 1)
        for currentIndex in stride(from: current.count - 1, through: 0, by: -1) {
            for expectedIndex in stride(from: expected.count - 1, through: 0, by: -1) {
                table[currentIndex][expectedIndex] = current[currentIndex] == expected[expectedIndex]
                    ? table[currentIndex + 1][expectedIndex + 1] + 1
                    : max(table[currentIndex + 1][expectedIndex], table[currentIndex][expectedIndex + 1])
            }
        }
        return table
    }
}
