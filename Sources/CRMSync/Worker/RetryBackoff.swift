/// When a failed sync message comes back. The worker makes it visible again after a wait that
/// doubles with each receive (5 s, 10 s, 20 s… at most 5 minutes) instead of after the queue's
/// visibility timeout, which the generator sets to six times the function's (an hour for a
/// 600-s worker): a CRM that rate-limits or fails for a while is tried again soon, a poison
/// record reaches the DLQ in seconds, and neither holds a sync for an hour. Pure.
public enum RetryBackoff {
    public static let firstWaitSeconds = 5
    public static let longestWaitSeconds = 300

    /// The wait after the `receiveCount`th receive (1 for the first) failed.
    public static func seconds(afterReceive receiveCount: Int) -> Int {
        let doublings = min(max(receiveCount - 1, 0), 16)
        return min(firstWaitSeconds << doublings, longestWaitSeconds)
    }
}
