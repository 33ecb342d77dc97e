/// The deadline of the invocation an environment is running, kept for one long-lived watcher.
///
/// Arming and disarming are plain assignments, so the warm path starts no task and sets no
/// timer per invocation. The watcher sleeps until the armed deadline; when it wakes early
/// (it slept for an earlier invocation that has since finished) it sleeps again until the
/// current one. Deadlines only move later, so the watcher never wakes after the one that counts.
struct DeadlineSchedule<Instant: Comparable> {
    enum Step: Equatable {
        /// Check again at this instant.
        case sleep(until: Instant)
        /// No invocation is running: wait until one is armed.
        case park
        /// This invocation is past its deadline (it is disarmed).
        case expire(requestID: String)
        /// The environment has ended: the watcher returns.
        case stop
    }

    private var armed: (requestID: String, deadline: Instant)?
    private var stopped = false

    /// An invocation started and must end by `deadline`.
    mutating func arm(requestID: String, deadline: Instant) {
        armed = (requestID, deadline)
    }

    /// An invocation ended; a later one's deadline is left alone.
    mutating func disarm(requestID: String) {
        if armed?.requestID == requestID { armed = nil }
    }

    mutating func stop() {
        stopped = true
        armed = nil
    }

    /// What the watcher does next, at `now`.
    mutating func next(now: Instant) -> Step {
        if stopped { return .stop }
        guard let armed else { return .park }
        guard now >= armed.deadline else { return .sleep(until: armed.deadline) }
        self.armed = nil
        return .expire(requestID: armed.requestID)
    }
}
