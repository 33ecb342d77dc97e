/// The metrics of one function or queue, fed with its status in each snapshot.
protocol SnapshotSeries {
    associatedtype Status
    mutating func update(with status: Status)
    /// Unregisters its metrics: the function or queue is no longer in the snapshots.
    func destroy()
}
