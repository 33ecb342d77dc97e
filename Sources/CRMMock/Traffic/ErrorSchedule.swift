import NIOHTTP1

/// Which requests fail on purpose: an evenly spaced, reproducible fraction. Request n (1-based)
/// fails when ⌊n·rate⌋ > ⌊(n−1)·rate⌋; failures alternate 503 and 502, starting with 503.
struct ErrorSchedule {
    let rate: Double
    private var requests = 0
    private var failures = 0

    init(rate: Double) {
        self.rate = rate
    }

    /// Counts one request; the status to fail it with, or nil to answer it.
    mutating func next() -> HTTPResponseStatus? {
        requests += 1
        guard failuresBy(requests) > failuresBy(requests - 1) else { return nil }
        failures += 1
        return failures % 2 == 1 ? .serviceUnavailable : .badGateway
    }

    /// ⌊n·rate⌋, nudged so that a product like 20 × 0.05 that floating point puts a hair under a
    /// whole number still counts as that number.
    private func failuresBy(_ count: Int) -> Int {
        Int((Double(count) * rate + 1e-9).rounded(.down))
    }
}
