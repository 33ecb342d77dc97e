/// The lifecycle of one execution environment as a pure state machine:
/// initialising → idle ⇄ busy → releasing → idle … → dead.
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
        /// The runtime is parked in `next`.
        case idle(Poll)
        case busy(Pending)
        /// The result is in; the runtime has not asked for the next invocation yet.
        case releasing(queued: Pending?)
        case dead(DeathCause)
    }

    enum DeathCause: Equatable {
        case initFailed
        case processExited(ProcessExit)
        case timedOut
        case shutDown
    }

    enum Action {
        /// The first `next` arrived: initialisation is over.
        case initialised
        case initialisationFailed(InvocationEnd)
        /// Answer the parked `next` with this invocation (it starts now).
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

    private(set) var state: State = .initialising(pending: nil)

    var isDead: Bool {
        if case .dead = state { true } else { false }
    }

    mutating func assign(_ invocation: Invocation, caller: Caller) -> [Action] {
        let pending = Pending(invocation: invocation, caller: caller)
        switch state {
        case .initialising(nil):
            state = .initialising(pending: pending)
            return []
        case .idle(let poll):
            state = .busy(pending)
            return [.deliver(invocation, to: poll)]
        case .releasing(nil):
            state = .releasing(queued: pending)
            return []
        case .initialising, .busy, .releasing, .dead:
            return [.complete(caller, requestID: invocation.requestID, .notDelivered)]
        }
    }

    mutating func nextRequested(_ poll: Poll) -> [Action] {
        switch state {
        case .initialising(let pending):
            return [.initialised] + takeNext(poll, pending: pending)
        case .releasing(let queued):
            return takeNext(poll, pending: queued)
        case .idle, .busy, .dead:
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
        guard case .initialising(let pending) = state else { return .failure(.invalidStateTransition) }
        state = .dead(.initFailed)
        let end = InvocationEnd.initFailed(body: body)
        var actions: [Action] = [.initialisationFailed(end), .killProcess]
        if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, end)) }
        return .success(actions)
    }

    mutating func deadlineReached(requestID: String, timeoutSeconds: Double) -> [Action] {
        guard case .busy(let pending) = state, pending.invocation.requestID == requestID else { return [] }
        state = .dead(.timedOut)
        return [.killProcess, .complete(pending.caller, requestID: requestID, .timedOut(seconds: timeoutSeconds))]
    }

    mutating func processExited(_ exit: ProcessExit) -> [Action] {
        let previous = state
        if !isDead { state = .dead(.processExited(exit)) }
        let end = InvocationEnd.processExited(exit)
        switch previous {
        case .initialising(let pending):
            var actions: [Action] = [.initialisationFailed(end)]
            if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, end)) }
            return actions
        case .idle(let poll):
            return [.rejectPoll(poll)]
        case .busy(let pending):
            return [.complete(pending.caller, requestID: pending.invocation.requestID, end)]
        case .releasing(let queued):
            return queued.map { [.complete($0.caller, requestID: $0.invocation.requestID, .notDelivered)] } ?? []
        case .dead:
            return []
        }
    }

    /// Stops the environment (idle reaping, host shutdown).
    mutating func shutDown() -> [Action] {
        let previous = state
        guard !isDead else { return [] }
        state = .dead(.shutDown)
        switch previous {
        case .initialising(let pending):
            var actions: [Action] = [.initialisationFailed(.notDelivered), .killProcess]
            if let pending { actions.append(.complete(pending.caller, requestID: pending.invocation.requestID, .notDelivered)) }
            return actions
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
