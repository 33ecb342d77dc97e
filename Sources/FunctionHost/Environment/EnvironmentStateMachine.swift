/// The lifecycle of one execution environment as a pure state machine:
/// initialising → idle ⇄ busy → releasing → idle … → dead. An on-demand init that outlives its
/// limit is stopped and retried inside the first invocation, as Lambda's "suppressed init":
/// initialising → initTimedOut → reinitialising → busy.
///
/// `Poll` stands for a parked `GET /invocation/next` and `Caller` for an invoker awaiting its
/// result; the machine only decides, and the `ExecutionEnvironment` actor performs the actions.
struct EnvironmentStateMachine<Poll, Caller> {
    struct Pending {
        let invocation: Invocation
        let caller: Caller
    }

    enum State {
        /// The process runs its init code; an invocation may already wait for it.
        case initialising(pending: Pending?)
        /// Init outlived its limit and the process is being stopped; once it has exited, init is
        /// retried for the invocation waiting (or about to wait) here.
        case initTimedOut(pending: Pending?)
        /// A new process runs init again inside the invocation, which has started: its timeout runs.
        case reinitialising(Pending)
        /// The runtime is parked in `next`.
        case idle(Poll)
        case busy(Pending)
        /// The result is in; the runtime has not asked for the next invocation yet.
        case releasing(queued: Pending?)
        case dead(DeathCause)
    }

    enum DeathCause: Equatable {
        case initFailed
        case initTimedOut
        case processExited(ProcessExit)
        case timedOut
        case shutDown
    }

    enum Action {
        /// The first `next` arrived: initialisation is over.
        case initialised
        case initialisationFailed(InvocationEnd)
        /// Write the `INIT_REPORT` of an init that ended without the runtime's first `next`.
        case reportInit(InitReport.Phase, InitReport.Status)
        /// Start a new process to retry init; the invocation starts now, and its timeout with it.
        case relaunch(for: Invocation)
        /// Answer the parked `next` with this invocation (it starts now unless it already has).
        case deliver(Invocation, to: Poll)
        case complete(Caller, requestID: String, InvocationEnd)
        /// Answer a `next` that can never be served.
        case rejectPoll(Poll)
        case killProcess
    }

    /// A runtime request that does not fit the current state (HTTP 400/403 on the Runtime API).
    enum Rejection: Error, Equatable {
        case invalidRequestID
        case invalidStateTransition
    }

    /// The error type Lambda's `INIT_REPORT` gives a retried init that ran out the invocation's timeout.
    static var unknownErrorType: String { "Runtime.Unknown" }

    /// Whether an init that outlives its limit is retried inside the first invocation (on-demand
    /// environments) or ends the environment (provisioned ones).
    let retriesTimedOutInit: Bool
    private(set) var state: State = .initialising(pending: nil)

    init(retriesTimedOutInit: Bool = true) {
        self.retriesTimedOutInit = retriesTimedOutInit
    }

    var isDead: Bool {
        if case .dead = state { true } else { false }
    }

    mutating func assign(_ invocation: Invocation, caller: Caller) -> [Action] {
        let pending = Pending(invocation: invocation, caller: caller)
        switch state {
        case .initialising(nil):
            state = .initialising(pending: pending)
            return []
        case .initTimedOut(nil):
            state = .initTimedOut(pending: pending)
            return []
        case .idle(let poll):
            state = .busy(pending)
            return [.deliver(invocation, to: poll)]
        case .releasing(nil):
            state = .releasing(queued: pending)
            return []
        case .initialising, .initTimedOut, .reinitialising, .busy, .releasing, .dead:
            return [.complete(caller, requestID: invocation.requestID, .notDelivered)]
        }
    }

    mutating func nextRequested(_ poll: Poll) -> [Action] {
        switch state {
        case .initialising(let pending):
            return [.initialised] + takeNext(poll, pending: pending)
        case .reinitialising(let pending):
            state = .busy(pending)
            return [.initialised, .deliver(pending.invocation, to: poll)]
        case .releasing(let queued):
            return takeNext(poll, pending: queued)
        case .initTimedOut, .idle, .busy, .dead:
            return [.rejectPoll(poll)]
        }
    }

    private mutating func takeNext(_ poll: Poll, pending: Pending?) -> [Action] {
        guard let pending else {
            state = .idle(poll)
            return []
        }
        state = .busy(pending)
        return [.deliver(pending.invocation, to: poll)]
    }

    /// The runtime posted the invocation's result (`end` is a response or a function error).
    mutating func resultPosted(requestID: String, _ end: InvocationEnd) -> Result<[Action], Rejection> {
        guard case .busy(let pending) = state else {
            return .failure(isDead ? .invalidRequestID : .invalidStateTransition)
        }
        guard pending.invocation.requestID == requestID else { return .failure(.invalidRequestID) }
        state = .releasing(queued: nil)
        return .success([.complete(pending.caller, requestID: requestID, end)])
    }

    mutating func initErrorPosted(body: [UInt8]) -> Result<[Action], Rejection> {
        let end = InvocationEnd.initFailed(body: body)
        switch state {
        case .initialising(let pending):
            state = .dead(.initFailed)
            var actions: [Action] = [.initialisationFailed(end), .killProcess]
            if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, end)) }
            return .success(actions)
        case .reinitialising(let pending):
            state = .dead(.initFailed)
            return .success([
                .reportInit(.invocation, .error(type: end.runtimeErrorType ?? Self.unknownErrorType)), .initialisationFailed(end), .killProcess,
                .complete(pending.caller, requestID: pending.invocation.requestID, end),
            ])
        default:
            return .failure(.invalidStateTransition)
        }
    }

    /// The first process's init has run for `limit` without asking for work.
    mutating func initDeadlineReached(after limit: Duration) -> [Action] {
        guard case .initialising(let pending) = state else { return [] }
        if retriesTimedOutInit {
            state = .initTimedOut(pending: pending)
            return [.reportInit(.initialisation, .timeout), .killProcess]
        }
        state = .dead(.initTimedOut)
        let (seconds, attoseconds) = limit.components
        let end = InvocationEnd.timedOut(seconds: Double(seconds) + Double(attoseconds) / 1e18)
        var actions: [Action] = [.reportInit(.initialisation, .timeout), .initialisationFailed(end), .killProcess]
        if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, .notDelivered)) }
        return actions
    }

    /// The running invocation (or the init retried inside it) has reached its timeout.
    mutating func deadlineReached(requestID: String, timeoutSeconds: Double) -> [Action] {
        let end = InvocationEnd.timedOut(seconds: timeoutSeconds)
        switch state {
        case .busy(let pending) where pending.invocation.requestID == requestID:
            state = .dead(.timedOut)
            return [.killProcess, .complete(pending.caller, requestID: requestID, end)]
        case .reinitialising(let pending) where pending.invocation.requestID == requestID:
            state = .dead(.timedOut)
            return [
                .reportInit(.invocation, .error(type: Self.unknownErrorType)), .killProcess,
                .complete(pending.caller, requestID: requestID, end),
            ]
        default:
            return []
        }
    }

    mutating func processExited(_ exit: ProcessExit) -> [Action] {
        let previous = state
        switch previous {
        case .initTimedOut(let pending?):
            state = .reinitialising(pending)
            return [.relaunch(for: pending.invocation)]
        case .initTimedOut(nil):
            state = .dead(.initTimedOut)
            return [.initialisationFailed(.notDelivered)]
        default:
            break
        }
        if !isDead { state = .dead(.processExited(exit)) }
        let end = InvocationEnd.processExited(exit)
        switch previous {
        case .initialising(let pending):
            var actions: [Action] = [.initialisationFailed(end)]
            if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, end)) }
            return actions
        case .reinitialising(let pending):
            return [
                .reportInit(.invocation, .error(type: exit.errorType)), .initialisationFailed(end),
                .complete(pending.caller, requestID: pending.invocation.requestID, end),
            ]
        case .idle(let poll):
            return [.rejectPoll(poll)]
        case .busy(let pending):
            return [.complete(pending.caller, requestID: pending.invocation.requestID, end)]
        case .releasing(let queued):
            return queued.map { [.complete($0.caller, requestID: $0.invocation.requestID, .notDelivered)] } ?? []
        case .initTimedOut, .dead:
            return []
        }
    }

    /// Stops the environment (idle reaping, host shutdown).
    mutating func shutDown() -> [Action] {
        let previous = state
        guard !isDead else { return [] }
        state = .dead(.shutDown)
        switch previous {
        case .initialising(let pending), .initTimedOut(let pending):
            var actions: [Action] = [.initialisationFailed(.notDelivered), .killProcess]
            if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, .notDelivered)) }
            return actions
        case .reinitialising(let pending):
            return [.initialisationFailed(.notDelivered), .killProcess, .complete(pending.caller, requestID: pending.invocation.requestID, .notDelivered)]
        case .idle(let poll):
            return [.rejectPoll(poll), .killProcess]
        case .busy(let pending), .releasing(.some(let pending)):
            return [.killProcess, .complete(pending.caller, requestID: pending.invocation.requestID, .notDelivered)]
        case .releasing(nil):
            return [.killProcess]
        case .dead:
            return []
        }
    }
}
