/// Whether page 0's worker sends the other pages.
public enum FanOutDecision: Sendable, Equatable {
    /// Send them (again, if a previous delivery of page 0 stopped while queuing: duplicates are
    /// counted once), then call `finishQueuing`.
    case queuePages
    /// A previous delivery of page 0 queued them all already.
    case alreadyQueued
}
