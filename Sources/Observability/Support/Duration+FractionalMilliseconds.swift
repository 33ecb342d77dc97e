extension Duration {
    /// Milliseconds with their fraction, as the live view shows durations and the duration
    /// histogram records them (CloudWatch's Duration is in milliseconds).
    var fractionalMilliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
