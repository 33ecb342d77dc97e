import Foundation
@testable import ReportCharts
import Testing

@Suite("Axis ticks: round steps of 1, 2 or 5 × 10ⁿ, and time steps people count in")
struct AxisTicksTests {
    @Test("ticks cover the range at a round step", arguments: [
        (0.0...97.0, [0.0, 20, 40, 60, 80, 100], 20.0),
        (0.0...1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], 0.2),
        (-3.0...7.0, [-4.0, -2, 0, 2, 4, 6, 8], 2.0),
        (0.0...12_345.0, [0.0, 5000, 10000, 15000], 5000.0),
        (0.0...0.03, [0.0, 0.01, 0.02, 0.03], 0.01),
        (0.0...0.023, [0.0, 0.005, 0.01, 0.015, 0.02, 0.025], 0.005),
    ])
    func niceTicks(range: ClosedRange<Double>, expected: [Double], step: Double) {
        let ticks = AxisTicks.nice(covering: range)
        #expect(ticks.values == expected)
        #expect(ticks.step == step)
    }

    @Test("every step is 1, 2 or 5 × 10ⁿ and the ticks enclose the range")
    func stepsAreRound() {
        for (lower, upper) in [(0.0, 3.3), (0, 7.1), (0, 13), (0, 999), (-0.4, 0.9), (100, 100.07), (0, 1e9), (2.5, 26)] {
            let ticks = AxisTicks.nice(covering: lower...upper)
            let mantissa = ticks.step / pow(10, floor(log10(ticks.step)))
            #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step) for \(lower)...\(upper)")
            #expect(ticks.domain.lowerBound <= lower && ticks.domain.upperBound >= upper)
            #expect((4...12).contains(ticks.values.count), "\(ticks.values) for \(lower)...\(upper)")
        }
    }

    @Test("a range without extent still gets an axis", arguments: [
        (0.0, 0.0...1.0), (5.0, 5.0...10.0), (-3.0, -3.0...0.0), (-0.5, -1.0...0.0),
    ])
    func emptyRange(value: Double, domain: ClosedRange<Double>) {
        let ticks = AxisTicks.nice(covering: value...value)
        #expect(ticks.domain == domain)
        #expect(ticks.values.count >= 2)
    }

    @Test("time ticks stay inside the run and are labelled in seconds, then m:ss, then h:mm:ss", arguments: [
        (0.0...45.0, ["0 s", "10 s", "20 s", "30 s", "40 s"]),
        (0.0...0.5, ["0.0 s", "0.1 s", "0.2 s", "0.3 s", "0.4 s", "0.5 s"]),
        (0.0...600.0, ["0:00", "2:00", "4:00", "6:00", "8:00", "10:00"]),
        (0.0...3600.0, ["0:00", "10:00", "20:00", "30:00", "40:00", "50:00", "1:00:00"]),
        (0.0...10_000.0, ["0:00", "30:00", "1:00:00", "1:30:00", "2:00:00", "2:30:00"]),
        (-300.0...500.0, ["-4:00", "-2:00", "0:00", "2:00", "4:00", "6:00", "8:00"]),
    ])
    func timeTicks(range: ClosedRange<Double>, labels: [String]) {
        let ticks = AxisTicks.time(covering: range)
        #expect(ticks.values.map(ticks.timeLabel) == labels)
        #expect(ticks.values.allSatisfy(range.contains))
    }

    @Test("number labels have the step's decimals, and thousands or millions from 10,000 up")
    func numberLabels() {
        let fractions = AxisTicks.nice(covering: 0...1)
        #expect(fractions.values.map(fractions.numberLabel) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let thousands = AxisTicks.nice(covering: 0...50_000)
        #expect(thousands.values.map(thousands.numberLabel) == ["0", "10k", "20k", "30k", "40k", "50k"])
        let small = AxisTicks.nice(covering: 0...4000)
        #expect(small.values.map(small.numberLabel) == ["0", "1000", "2000", "3000", "4000"])
        let millions = AxisTicks.nice(covering: 0...25_000_000)
        #expect(millions.values.map(millions.numberLabel) == ["0", "5M", "10M", "15M", "20M", "25M"])
        #expect(AxisTicks.decimal(-0.01, step: 0.1) == "0.0")
        let huge = AxisTicks.nice(covering: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        #expect(huge.values.count >= 2 && huge.values.allSatisfy(\.isFinite))
    }
}
