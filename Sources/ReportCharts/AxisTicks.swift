import Foundation

/// Where an axis puts its labelled ticks: round values a reader can add up, and how to write them.
struct AxisTicks: Equatable {
    var values: [Double]
    var step: Double

    /// The range the ticks cover, first to last.
    var domain: ClosedRange<Double> { (values.first ?? 0)...(values.last ?? 1) }

    /// About `count` ticks at multiples of 1, 2 or 5 × 10ⁿ, from the last multiple at or below
    /// `range.lowerBound` to the first at or above `range.upperBound`, at least two. An empty range
    /// still gets an axis: [v, v] becomes [v, 2v] for v > 0, [min(v, -1), 0] for v < 0, [0, 1] for 0.
    static func nice(covering range: ClosedRange<Double>, count: Int = 5) -> AxisTicks {
        // Within ±1e300 the extent stays finite, whatever the data.
        var lower = range.lowerBound.isFinite ? min(max(range.lowerBound, -1e300), 1e300) : 0
        var upper = range.upperBound.isFinite ? min(max(range.upperBound, -1e300), 1e300) : lower + 1
        if upper <= lower {
            upper = lower + (lower > 0 ? lower : 1)
            if lower < 0 { upper = 0; lower = min(lower, -1) }
        }
        let exponent = Int(floor(log10((upper - lower) / Double(max(count, 1)))))
        let magnitude = pow(10, Double(exponent))
        let residual = (upper - lower) / Double(max(count, 1)) / magnitude
        let multiplier = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        // k × m ÷ 10⁻ⁿ is the double nearest to the decimal, where k × step would carry binary
        // noise (3 × 0.1 = 0.30000000000000004); k is a whole Double, so no data overflows an Int.
        let multiple = { (index: Double) in
            exponent < 0 ? index * Double(multiplier) / pow(10, Double(-exponent)) : index * Double(multiplier) * magnitude
        }
        let step = multiple(1)
        let first = floor(lower / step + 1e-9), intervals = max(Int(ceil(upper / step - 1e-9) - first), 1)
        return AxisTicks(values: (0...intervals).map { multiple(first + Double($0)) }, step: step)
    }

    /// Ticks for a time axis in seconds: steps people count in (1, 2, 5, 10, 15, 30 s, 1, 2, 5,
    /// 10, 15, 30 min, hours), all inside `range`, which stays as it is (a run ends when it ends).
    static func time(covering range: ClosedRange<Double>, count: Int = 8) -> AxisTicks {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return AxisTicks(values: [range.lowerBound], step: 1) }
        let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
        let rough = span / Double(max(count, 1))
        guard rough >= 1 else {
            let decimal = nice(covering: range, count: count)
            return AxisTicks(values: decimal.values.filter { range.contains($0) }, step: decimal.step)
        }
        let step = steps.first { $0 >= rough } ?? (rough / 86400).rounded(.up) * 86400
        let first = ceil(range.lowerBound / step - 1e-9), intervals = max(Int(floor(range.upperBound / step + 1e-9) - first), 0)
        return AxisTicks(values: (0...intervals).map { (first + Double($0)) * step }, step: step)
    }

    /// `value` written with as many decimals as the step needs; from 10,000 up in thousands
    /// (`15k`) or millions (`2.5M`), decided by the largest tick so that an axis stays uniform.
    func numberLabel(_ value: Double) -> String {
        let largest = values.map(abs).max() ?? 0
        let (divisor, suffix) = largest >= 10_000_000 ? (1e6, "M") : largest >= 10_000 ? (1e3, "k") : (1, "")
        return Self.decimal(value / divisor, step: step / divisor) + (value == 0 ? "" : suffix)
    }

    /// `seconds` since the start as `45 s` on short axes (up to two minutes) and as `m:ss` or
    /// `h:mm:ss` on longer ones.
    func timeLabel(_ seconds: Double) -> String {
        guard domain.upperBound > 120 else { return Self.decimal(seconds, step: step) + " s" }
        let total = Int(min(abs(seconds), 1e15).rounded()), sign = seconds <= -0.5 ? "-" : ""
        let (hours, minutes, rest) = (total / 3600, total % 3600 / 60, total % 60)
        let twoDigits = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        return sign + (hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))")
    }

    /// `value` with the decimals that a multiple of `step` needs (0.05 → 2, 0.5 → 1, 15 → 0); steps
    /// are 1, 2 or 5 × 10ⁿ, or whole seconds.
    static func decimal(_ value: Double, step: Double) -> String {
        let decimals = step > 0 ? min(max(0, Int(-floor(log10(step) + 1e-9))), 9) : 0
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
