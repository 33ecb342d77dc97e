/// A batch ready to invoke with.
struct CollectedBatch {
    var collector: BatchCollector
    var attemptId: Int64?
    /// When the first of its messages becomes visible again.
    var visibleUntil: Int64
    var overflow: CarriedMessages
}
