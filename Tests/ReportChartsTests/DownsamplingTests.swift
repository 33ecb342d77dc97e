import Foundation
@testable import ReportCharts
import Testing

@Suite("Downsampling: a bounded number of points per series, every peak and trough kept")
struct DownsamplingTests {
    /// An hour at 10 samples a second: a slow wave with one spike up and one dip, far from the ends.
    static let hour = (0..<36_000).map { index in
        let seconds = Double(index) / 10
        let value = index == 12_345 ? 1_000 : index == 23_456 ? -500 : 50 + 40 * sin(seconds / 300)
        return TimeSeries.Point(seconds: seconds, value: value)
    }

    @Test("a long series is cut to the limit, keeping its ends, its extremes and its order")
    func longSeries() {
        let kept = Downsampling.minMax(Self.hour, limit: 600)
        #expect(kept.count <= 600 && kept.count >= 590)
        #expect(kept.first == Self.hour.first && kept.last == Self.hour.last)
        #expect(kept.contains(Self.hour[12_345]) && kept.contains(Self.hour[23_456]))
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0.seconds < $1.seconds })
        #expect(kept.map(\.value).max() == 1_000 && kept.map(\.value).min() == -500)
    }

    @Test("every bucket keeps its own extremes, so a wave keeps its amplitude")
    func amplitude() {
        let wave = (0..<10_000).map { TimeSeries.Point(seconds: Double($0), value: $0 % 2 == 0 ? 0 : 10) }
        let kept = Downsampling.minMax(wave, limit: 100)
        #expect(kept.count == 100)
        #expect(kept.filter { $0.value == 10 }.count >= 49 && kept.filter { $0.value == 0 }.count >= 49)
    }

    @Test("series within the limit are returned as they are", arguments: [0, 1, 2, 599, 600])
    func shortSeries(count: Int) {
        let points = Array(Self.hour.prefix(count))
        #expect(Downsampling.minMax(points, limit: 600) == points)
    }
}
