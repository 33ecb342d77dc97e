import NIOCore

/// What one connection waits for, and when it has waited too long; pure, so the handler feeds it
/// the connection's events with the time and performs what it decides.
///
/// The connection's one timer is re-armed only when it fires, never per request: while no request
/// is in progress it checks at least every `request` timeout, so a request that starts and stalls
/// in between is still caught on time.
struct ConnectionState {
    enum Verdict: Equatable {
        /// Nothing is overdue; look again then.
        case checkAgain(at: NIODeadline)
        /// Idle too long, done lingering, or shutting down: close without an answer.
        case close
        /// A request stopped arriving: answer 408, then close.
        case requestTimedOut
    }

    private let timeouts: HTTPServer.Timeouts
    /// Requests read whose answer has not been completely written.
    private var unanswered = 0
    /// Part of a request has arrived, not all of it.
    private var receiving = false
    /// The last bytes read or the last answer written.
    private var lastActivity: NIODeadline
    private var lingeringUntil: NIODeadline?
    /// When lingering must end, however much still arrives.
    private var lingerEnd: NIODeadline?
    private var quiescing = false

    init(timeouts: HTTPServer.Timeouts, now: NIODeadline) {
        self.timeouts = timeouts
        lastActivity = now
    }

    mutating func bytesRead(at now: NIODeadline) {
        lastActivity = now
        if let lingerEnd {
            // Still sending the body nobody reads: wait for it to stop, up to the maximum.
            lingeringUntil = min(now + timeouts.linger, lingerEnd)
            return
        }
        if unanswered == 0 { receiving = true }
    }

    mutating func requestRead() {
        unanswered += 1
        receiving = false
    }

    /// The last part of an answer is being written; returns whether the connection closes after it.
    mutating func answerWritten(at now: NIODeadline) -> Bool {
        unanswered -= 1
        lastActivity = now
        return quiescing && unanswered == 0
    }

    /// The server is shutting down; returns whether to close at once (no answer is owed).
    mutating func quiesce() -> Bool {
        quiescing = true
        return unanswered == 0
    }

    /// The server closed its side after an answer; returns when to stop waiting for the client's.
    mutating func outputClosed(at now: NIODeadline) -> NIODeadline {
        let until = now + timeouts.linger
        lingeringUntil = until
        lingerEnd = now + timeouts.lingerMaximum
        return until
    }

    func check(at now: NIODeadline) -> Verdict {
        if let lingeringUntil {
            return now < lingeringUntil ? .checkAgain(at: lingeringUntil) : .close
        }
        if unanswered > 0 {
            return .checkAgain(at: now + timeouts.request)
        }
        if receiving {
            let deadline = lastActivity + timeouts.request
            return now < deadline ? .checkAgain(at: deadline) : .requestTimedOut
        }
        let deadline = lastActivity + timeouts.idle
        return now < deadline ? .checkAgain(at: min(deadline, now + timeouts.request)) : .close
    }
}
