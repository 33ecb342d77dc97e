import Testing

@testable import IntegrationManifest

struct ManifestDiffTests {
    @Test func equalTextsHaveNoChanges() {
        #expect(ManifestDiff(current: "a\nb\n", expected: "a\nb\n").changes.isEmpty)
    }

    @Test func showsRemovedAndAddedLinesWithTheirNumbers() {
        let diff = ManifestDiff(current: "a\nb\nc\nd", expected: "a\nB\nc\nd\ne")
        #expect(diff.changes == ["- 2: b", "+ 2: B", "+ 5: e"])
    }

    @Test func cutsLongSummaries() {
        let current = (1...50).map { "old \($0)" }.joined(separator: "\n")
        let expected = (1...50).map { "new \($0)" }.joined(separator: "\n")
        let lines = ManifestDiff(current: current, expected: expected).summary(file: "serverless.json").split(separator: "\n")
        #expect(lines.first == "serverless.json is not what the definitions produce (100 changed lines; - current, + expected):")
        #expect(lines.count == 1 + ManifestDiff.shownLineLimit + 1)
        #expect(lines.last == "… and 60 more")
    }
}
