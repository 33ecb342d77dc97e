/// Fewer points for a long series, keeping its shape: a chart is a few hundred pixels wide, and a
/// run recorded every 100 ms for an hour has 36,000 points.
enum Downsampling {
    /// At most `limit` of `points` (sorted by seconds): the first, the last, and between them, in
    /// order, the lowest and the highest point of each of `(limit - 2) / 2` runs of consecutive
    /// points, so that every peak and every trough survives. Series within the limit are returned
    /// as they are.
    static func minMax(_ points: [TimeSeries.Point], limit: Int) -> [TimeSeries.Point] {
        guard points.count > limit else { return points }
        guard let first = points.first, let last = points.last, limit >= 4 else {
            return Array(points.prefix(max(limit, 0)))
        }
        let interior = points.dropFirst().dropLast()
        let bucketCount = (limit - 2) / 2
        var kept = [first]
        kept.reserveCapacity(limit)
        for bucket in 0..<bucketCount {
            let start = interior.startIndex + bucket * interior.count / bucketCount
            let end = interior.startIndex + (bucket + 1) * interior.count / bucketCount
            guard start < end else { continue }
            var lowest = start, highest = start
            for index in start..<end {
                if points[index].value < points[lowest].value { lowest = index }
                if points[index].value > points[highest].value { highest = index }
            }
            kept.append(points[min(lowest, highest)])
            if lowest != highest { kept.append(points[max(lowest, highest)]) }
        }
        kept.append(last)
        return kept
    }
}
