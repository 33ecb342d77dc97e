import Testing

@testable import Observability

@Suite struct StatusBoardTests {
    private static let allTitles = [
        "FUNCTION", "CONC", "WARM", "INVOC", "COLD", "THROT", "ERR", "TIMEOUT", "P50", "P99",
        "QUEUE", "VISIBLE", "IN FLIGHT", "DELAYED", "DLQ", "OLDEST", "RECV/S", "DEL/S",
    ]

    @Test func wideTerminalShowsEveryColumnAndWholeNames() {
        let lines = StatusBoard(width: 200, colour: false).lines(for: Snapshots.busy)
        #expect(lines.allSatisfy { $0.count <= 200 })
        let text = lines.joined(separator: "\n")
        for title in Self.allTitles { #expect(text.contains(title), "\(title)") }
        #expect(text.contains(Snapshots.unreservedWorker.name))
        #expect(text.contains("up 1m05s"))
        #expect(!text.contains("…"))
    }

    @Test func reservedConcurrencyIsShownAgainstItsLimitAndUnreservedAlone() throws {
        let lines = StatusBoard(width: 200, colour: false).lines(for: Snapshots.busy)
        let reserved = try #require(lines.first { $0.hasPrefix("sync-worker ") })
        let unreserved = try #require(lines.first { $0.hasPrefix(Snapshots.unreservedWorker.name) })
        // CONC is the first column after the name; WARM the second.
        #expect(Array(reserved.split(separator: " ").dropFirst().prefix(2)) == ["3/5", "2/2"])
        #expect(Array(unreserved.split(separator: " ").dropFirst().prefix(2)) == ["7", "-"])
    }

    @Test func noLineIsWiderThanTheTerminalAtAnyWidth() {
        for width in 1...220 {
            for snapshot in [Snapshots.busy, Snapshots.empty] {
                let lines = StatusBoard(width: width, colour: false).lines(for: snapshot)
                #expect(lines.allSatisfy { $0.count <= width }, "width \(width): \(lines)")
                #expect(!lines.isEmpty)
            }
        }
    }

    @Test func narrowTerminalKeepsTheImportantColumnsAndCutsNames() {
        let lines = StatusBoard(width: 44, colour: false).lines(for: Snapshots.busy)
        let text = lines.joined(separator: "\n")
        for kept in ["CONC", "INVOC", "VISIBLE"] { #expect(text.contains(kept), "\(kept)") }
        for dropped in ["TIMEOUT", "COLD", "DELAYED"] { #expect(!text.contains(dropped), "\(dropped)") }
        #expect(text.contains("a-function-w… "))
        #expect(lines.allSatisfy { $0.count <= 44 })
    }

    @Test func withoutColourThereIsNoEscapeByte() {
        for width in [20, 80, 200] {
            let lines = StatusBoard(width: width, colour: false).lines(for: Snapshots.busy)
            #expect(lines.allSatisfy { !$0.utf8.contains(0x1B) })
        }
    }

    @Test func colourNeverChangesTheVisibleText() {
        for width in [20, 80, 200] {
            let plain = StatusBoard(width: width, colour: false).lines(for: Snapshots.busy)
            let coloured = StatusBoard(width: width, colour: true).lines(for: Snapshots.busy)
            #expect(coloured.map(Self.withoutControlSequences) == plain)
        }
    }

    @Test func emptySnapshotIsOneSummaryLine() {
        let lines = StatusBoard(width: 80, colour: false).lines(for: Snapshots.empty)
        #expect(lines == ["queuelab  up 0s  no functions or queues yet"])
    }

    @Test func aShortTerminalGetsAsManyLinesAsItHasAndSaysWhatIsLeftOut() throws {
        let all = StatusBoard(width: 120, colour: false).lines(for: Snapshots.busy)
        let lines = StatusBoard(width: 120, height: 4, colour: false).lines(for: Snapshots.busy)
        #expect(lines.count == 4)
        #expect(Array(lines.prefix(3)) == Array(all.prefix(3)))
        #expect(try #require(lines.last).hasPrefix("… \(all.count - 3) more lines"))
        #expect(StatusBoard(width: 120, height: 1, colour: false).lines(for: Snapshots.busy) == [all[0]])
    }

    @Test func formatsDurationsAgesAndRatesShortly() {
        #expect(StatusFormat.duration(nil) == "-")
        #expect(StatusFormat.duration(.microseconds(850)) == "850us")
        #expect(StatusFormat.duration(.microseconds(4_240)) == "4.2ms")
        #expect(StatusFormat.duration(.milliseconds(120)) == "120ms")
        #expect(StatusFormat.duration(.milliseconds(1_500)) == "1.5s")
        #expect(StatusFormat.duration(.seconds(125)) == "2m05s")
        #expect(StatusFormat.age(12.9) == "12s")
        #expect(StatusFormat.age(7_500) == "2h05m")
        #expect(StatusFormat.rate(0) == "0")
        #expect(StatusFormat.rate(38.46) == "38.5")
        #expect(StatusFormat.rate(1_234.4) == "1234")
    }

    /// The text without control sequences (`ESC [`, parameters, a final byte): colour codes, and
    /// in a terminal's output the cursor movements and erasures too.
    static func withoutControlSequences(_ line: String) -> String {
        var result = ""
        var inSequence = false
        for scalar in line.unicodeScalars {
            if scalar == "\u{1B}" {
                inSequence = true
            } else if inSequence {
                if scalar != "[" && (0x40...0x7E).contains(scalar.value) { inSequence = false }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
